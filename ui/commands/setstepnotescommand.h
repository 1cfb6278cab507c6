#pragma once

#include "commands/command.h"

#include <QString>

namespace chokepoint::ui {

class Document;

/**
 * Writes the presenter's notes of one step of a scenario's timeline, in one language.
 *
 * Undo contract: holds the scenario id, the step's index, the language code ("en" for the step's
 * own `notes`, else its `i18n` entry) and the notes before and after; undo() and redo() write one
 * or the other through Document::setStepNotesNow().
 */
class SetStepNotesCommand : public Command
{
public:
    SetStepNotesCommand(Document *document, QString scenarioId, int stepIndex, QString language, QString before,
                        QString after, CommandText text);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    QString m_scenarioId;
    int m_stepIndex;
    QString m_language;
    QString m_before;
    QString m_after;
};

} // namespace chokepoint::ui
