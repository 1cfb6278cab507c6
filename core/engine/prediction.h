#pragma once

#include "model/types.h"

#include <cstddef>
#include <span>
#include <vector>

namespace chokepoint {

/**
 * The score of a class's prediction of what a change takes down (predict-then-reveal).
 *
 * Only nodes the change could surprise anyone with count: those that were not failed before it
 * and that nobody acted on directly (a blocked node failing is given, not predicted). Lists hold
 * node indices in increasing order.
 */
struct PredictionScore
{
    std::vector<std::size_t> hits;      ///< predicted to fail, and failed
    std::vector<std::size_t> partial;   ///< predicted to fail, and degraded
    std::vector<std::size_t> wrong;     ///< predicted to fail, and still working
    std::vector<std::size_t> surprises; ///< failed without being predicted

    /// How many of the nodes that failed were predicted, 0 to 100 (100 when none failed).
    int percentFound() const;
};

/**
 * Scores `predicted` (node indices, in any order; duplicates and nodes that do not count are
 * ignored) against the states before and after the change. `actedOn[i]` is non-zero for a node
 * with an action on it after the change. All spans are indexed by node and of equal length.
 */
PredictionScore scorePrediction(std::span<const State> before, std::span<const State> after,
                                std::span<const char> actedOn, std::span<const std::size_t> predicted);

} // namespace chokepoint
