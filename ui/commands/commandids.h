#pragma once

namespace chokepoint::ui {

/// Merge ids of the undo commands (QUndoCommand::id()), in one place so no two kinds collide.
enum CommandId : int {
    kNoMerge = -1,
    kMoveNodeId = 1, ///< consecutive moves of the same node merge into one step
};

} // namespace chokepoint::ui
