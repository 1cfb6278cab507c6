#include "commands/replaceactionscommand.h"

#include "document/document.h"

namespace chokepoint::ui {

ReplaceActionsCommand::ReplaceActionsCommand(Document *document, Actions after, QString afterScenario,
                                             CommandText text)
    : Command(std::move(text)), m_document(document), m_other(std::move(after)),
      m_otherScenario(std::move(afterScenario))
{
}

void ReplaceActionsCommand::swap()
{
    Actions current = m_document->actions();
    QString currentScenario = m_document->scenarioId();
    m_document->setActionsNow(m_other, m_otherScenario);
    m_other = std::move(current);
    m_otherScenario = std::move(currentScenario);
}

} // namespace chokepoint::ui
