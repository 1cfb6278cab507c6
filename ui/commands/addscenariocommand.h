#pragma once

#include "model/scenario.h"

#include "commands/command.h"

namespace chokepoint::ui {

class Document;

/**
 * Adds a scenario to the model: a timeline the user recorded in the window.
 *
 * Undo contract: holds the whole scenario (its actions and steps name nodes by id); redo()
 * appends it to the model's scenarios, undo() removes it by id.
 */
class AddScenarioCommand : public Command
{
public:
    AddScenarioCommand(Document *document, Scenario scenario, CommandText text);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    Scenario m_scenario;
};

} // namespace chokepoint::ui
