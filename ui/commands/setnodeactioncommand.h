#pragma once

#include "commands/command.h"

#include <QString>
#include <cstdint>

namespace chokepoint::ui {

class Document;

/**
 * Sets the action flags (block, throttle, enable) of one node.
 *
 * Undo contract: holds the node's id and its flags before and after; redo() and undo() swap
 * them, so the command is its own inverse. It holds no results: the document recomputes states
 * after each swap. Never pushed when the flags would not change.
 */
class SetNodeActionCommand : public Command
{
public:
    SetNodeActionCommand(Document *document, QString nodeId, std::uint8_t after, CommandText text);

    void undo() override { swap(); }
    void redo() override { swap(); }

private:
    void swap();

    Document *m_document;
    QString m_nodeId;
    std::uint8_t m_other; ///< the flags the next swap puts in place
};

} // namespace chokepoint::ui
