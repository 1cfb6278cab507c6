#include "commands/replaceactionscommand.h"

#include "document/document.h"

namespace chokepoint::ui {

ReplaceActionsCommand::ReplaceActionsCommand(Document *document, Actions after, QString afterScenario, int afterStep,
                                             CommandText text)
    : Command(std::move(text)), m_document(document), m_other(std::move(after)),
      m_otherScenario(std::move(afterScenario)), m_otherStep(afterStep)
{
}

void ReplaceActionsCommand::swap()
{
    Actions current = m_document->actions();
    QString currentScenario = m_document->scenarioId();
    const int currentStep = m_document->storedStep();
    m_document->setActionsNow(m_other, m_otherScenario, m_otherStep);
    m_other = std::move(current);
    m_otherScenario = std::move(currentScenario);
    m_otherStep = currentStep;
}

} // namespace chokepoint::ui
