#pragma once

#include "engine/evaluator.h"
#include "model/model.h"

#include <cstdint>
#include <functional>
#include <span>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

namespace chokepoint {

/// What adding one block to the scenario would change (DESIGN.md §3, "Rank"). Every figure is a
/// change from the scenario as it is: nodes and users newly failed or newly degraded.
struct BlockImpact
{
    std::uint32_t node = 0;              ///< model node index of the block
    std::int64_t usersLost = 0;          ///< users of functions and apps that newly fail
    std::int64_t usersDegraded = 0;      ///< users of functions and apps that go from ok to degraded
    std::int64_t collateralUsersLost = 0; ///< usersLost outside the targets and what depends on them
    std::int64_t collateralUsersDegraded = 0;
    std::size_t nodesFailed = 0;   ///< nodes that newly fail, the block included
    std::size_t nodesDegraded = 0; ///< nodes that go from ok to degraded
    std::size_t targetsFailed = 0; ///< scenario targets that newly fail
};

struct RankOptions
{
    std::size_t top = 0; ///< how many to return; 0 = all
    std::function<void(double fraction)> progress;
    std::stop_token stop; ///< throws Cancelled when requested
};

/**
 * Ranks every blockable node that is not yet blocked by what blocking it alone would add to the
 * scenario, most collateral users lost first; ties by users lost, then nodes failed, then id.
 *
 * Collateral follows impact's rule: nodes that are not among `targets` and do not depend on one.
 * With no targets every node is collateral, so collateral users lost equal users lost. Each block
 * is tried with the incremental evaluator, so the cost is the sum of what each block reaches.
 */
std::vector<BlockImpact> rankBlocks(const Model &model, const Evaluator &evaluator,
                                    std::span<const std::string> targets, const RankOptions &options = {});

} // namespace chokepoint
