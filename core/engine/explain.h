#pragma once

#include "engine/evaluator.h"

#include <string>
#include <vector>

namespace chokepoint {

/// Why a node is in its state: one action (or a countermeasure left off) and the path it takes.
struct Cause
{
    enum class Type { Blocked, Throttled, Disabled };
    std::string node;              ///< the blocked or throttled node, or the countermeasure that is off
    Type type = Type::Blocked;
    std::vector<std::string> path; ///< node ids from the cause to the explained node, both included
};

/// The answer to "why is X failed or degraded, and what would bring it back?" (DESIGN.md §3).
struct Explanation
{
    std::string node;
    State state = State::Ok;
    /// A minimal set of causes: together they put the node in its state, and without any one of
    /// them they would not.
    std::vector<Cause> causes;
    /// Minimal sets of current actions whose removal brings the node back to ok, smallest first.
    std::vector<Actions> restore;
    /// False when the search for restore sets stopped at its size or count limit.
    bool restoreComplete = true;
    /// Countermeasures that are off and, switched on alone, would make the node better than it is
    /// (a failed node working again, perhaps degraded; a degraded one ok).
    std::vector<std::string> enableToRestore;
};

struct ExplainOptions
{
    std::size_t maxRestoreSize = 3;
    std::size_t maxRestoreSets = 10;
};

/// Explains the state of node `nodeIndex` under the evaluator's current actions.
Explanation explain(const Model &model, const Evaluator &evaluator, std::size_t nodeIndex,
                    const ExplainOptions &options = {});

/// The explanation in sentences a student can read aloud, using names (or `lang` names).
std::string describe(const Model &model, const Explanation &explanation, std::string_view lang = {});

} // namespace chokepoint
