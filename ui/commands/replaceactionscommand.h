#pragma once

#include "commands/command.h"
#include "model/scenario.h"

#include <QString>

namespace chokepoint::ui {

class Document;

/**
 * Replaces every action in force at once: applying a scenario, a cut set, or clearing all.
 *
 * Undo contract: holds the actions (node ids and action types), the scenario id and the step of
 * its timeline (-1 for none) before and after; redo() and undo() swap them. One user step, one command. Never pushed when nothing changes.
 */
class ReplaceActionsCommand : public Command
{
public:
    ReplaceActionsCommand(Document *document, Actions after, QString afterScenario, int afterStep, CommandText text);

    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();

    Document *m_document;
    Actions m_other;
    QString m_otherScenario;
    int m_otherStep;
};

} // namespace chokepoint::ui
