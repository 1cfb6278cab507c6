#pragma once

#include "engine/diagramstore.h"
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

/// What to compute: size bound, how many sets to list, protected nodes; progress and cancel.
struct CutSetOptions
{
    std::size_t maxSize = 0; ///< largest set size; 0 = no bound
    std::size_t limit = 20;  ///< how many sets to list; 0 = count only
    /// Node ids whose state must not change: an ok node stays ok, a degraded one does not fail.
    std::vector<std::string> protect;
    /// Called now and then with the phase ("logic", "diagrams", "counting", "listing") and the
    /// fraction of it done; from the thread running the analysis.
    std::function<void(std::string_view phase, double fraction)> progress;
    /// When stop is requested the analysis throws Cancelled.
    std::stop_token stop;
    /// Node budget of each decision diagram; past it the analysis fails with AnalysisError.
    std::size_t maxNodes = std::size_t{1} << 28;
    /// Whether a module that needs the full node budget may be solved under several variable
    /// orders at once, on threads (below that budget the orders are tried one at a time).
    bool parallel = true;
};

/// One minimal cut set.
struct CutSet
{
    std::vector<std::uint32_t> nodes; ///< model node indices, ordered by id
    /// Users of functions and apps that the set makes fail and that lie outside the target and
    /// everything depending on it (beyond what the scenario already loses).
    std::int64_t collateralUsers = 0;
};

/// Figures about the computation, for benchmarks and the curious.
struct CutSetStats
{
    std::size_t variables = 0; ///< blockable nodes the target's failure depends on
    std::size_t modules = 0;   ///< independent sub-circuits, solved one at a time
    std::size_t attempts = 0;  ///< variable orders tried (see FailureLogic::Ordering)
    std::size_t bddNodes = 0;
    std::size_t zbddNodes = 0;
    double logicSeconds = 0, diagramSeconds = 0, listSeconds = 0;
};

/// The answer to "what would it take to fail the target?" (DESIGN.md §3, "Cut sets").
struct CutSetResult
{
    std::string target;
    State targetState = State::Ok;
    /// False when no blockable, not yet blocked node lies upstream of the target.
    bool reachable = false;
    /// The number of minimal cut sets (within the size bound and the protection), exact.
    std::uint64_t count = 0;
    /// bySize[s]: how many of them have s members.
    std::vector<std::uint64_t> bySize;
    /// The listed sets by size, then collateral users, then ids (empty when a sink took them).
    std::vector<CutSet> cutSets;
    std::size_t listed = 0;
    bool truncated = false; ///< fewer sets listed than counted
    /// False when no function or app outside the target's cone has users to lose, so collateral
    /// was not computed (it is 0 for every set).
    bool collateralComputed = false;
    CutSetStats stats;
};

/// Receives the results as they come, for listings too big to hold: the counts first, then the
/// listed sets in order (instead of CutSetResult::cutSets).
struct CutSetSink
{
    /// Called once, after counting and before the first set, with everything but the sets.
    std::function<void(const CutSetResult &counted)> counted;
    std::function<void(std::span<const std::uint32_t> nodes, std::int64_t collateralUsers)> set;
};

/**
 * The minimal cut sets of `targetNode` under the evaluator's current actions: the minimal sets of
 * blockable, not yet blocked nodes whose blocking makes the target `failed` (DESIGN.md §3).
 *
 * The failure logic is simplified (constants, shared and one-input gates, nested OR/AND),
 * split into modules, compiled to a BDD per module and turned into a ZBDD of minimal solutions
 * (Rauzy's algorithm); counts come from the ZBDDs without listing. Protected nodes are applied by
 * removing every set that contains a way to change one of them (Rauzy's `without`).
 *
 * Throws AnalysisError for an unknown or target-protecting `protect` id, Cancelled when
 * options.stop is requested. If `sink` is given it receives the counts and then the listed sets.
 */
CutSetResult computeCutSets(const Model &model, const Evaluator &evaluator, std::size_t targetNode,
                            const CutSetOptions &options = {}, const CutSetSink *sink = nullptr);

} // namespace chokepoint
