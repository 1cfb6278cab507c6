#include "commands/addscenariocommand.h"

#include "document/document.h"

namespace chokepoint::ui {

AddScenarioCommand::AddScenarioCommand(Document *document, Scenario scenario, CommandText text)
    : Command(std::move(text)), m_document(document), m_scenario(std::move(scenario))
{
}

void AddScenarioCommand::redo() { m_document->insertScenarioNow(m_scenario); }

void AddScenarioCommand::undo() { m_document->removeScenarioNow(qstr(m_scenario.id)); }

} // namespace chokepoint::ui
