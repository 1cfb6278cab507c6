#pragma once

#include "commands/command.h"
#include "io/documentfile.h"

#include <QString>

namespace chokepoint::ui {

class Document;

/**
 * Moves (and pins) one node on the map.
 *
 * Undo contract: holds the node id and its position before and after; undo() restores the
 * first, redo() the second. Consecutive moves of the same node merge into one step (a drag
 * delivered in pieces); a move back to where it started becomes obsolete and is dropped.
 */
class MoveNodeCommand : public Command
{
public:
    MoveNodeCommand(Document *document, QString nodeId, NodePosition from, NodePosition to);

    void undo() override;
    void redo() override;
    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

private:
    Document *m_document;
    QString m_nodeId;
    NodePosition m_from;
    NodePosition m_to;
};

} // namespace chokepoint::ui
