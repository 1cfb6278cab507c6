#include "commands/setstepnotescommand.h"

#include "document/document.h"

namespace chokepoint::ui {

SetStepNotesCommand::SetStepNotesCommand(Document *document, QString scenarioId, int stepIndex, QString language,
                                         QString before, QString after, CommandText text)
    : Command(std::move(text)), m_document(document), m_scenarioId(std::move(scenarioId)), m_stepIndex(stepIndex),
      m_language(std::move(language)), m_before(std::move(before)), m_after(std::move(after))
{
}

void SetStepNotesCommand::redo() { m_document->setStepNotesNow(m_scenarioId, m_stepIndex, m_language, m_after); }

void SetStepNotesCommand::undo() { m_document->setStepNotesNow(m_scenarioId, m_stepIndex, m_language, m_before); }

} // namespace chokepoint::ui
