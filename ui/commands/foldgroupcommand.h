#pragma once

#include "commands/command.h"

#include <QString>

namespace chokepoint::ui {

class Document;

/**
 * Folds a group of the map into one box, or unfolds it.
 *
 * Undo contract: holds the group's key ("app/messaging") and whether it was folded before and
 * after; undo() restores the first, redo() the second, through Document::setGroupFoldedNow(),
 * which every map on the document follows.
 */
class FoldGroupCommand : public Command
{
public:
    FoldGroupCommand(Document *document, QString key, bool wasFolded, bool folded);

    void undo() override;
    void redo() override;

private:
    Document *m_document;
    QString m_key;
    bool m_wasFolded;
    bool m_folded;
};

} // namespace chokepoint::ui
