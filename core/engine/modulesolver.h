#pragma once

#include "engine/bdd.h"
#include "engine/failurelogic.h"
#include "engine/zbdd.h"

#include <functional>
#include <memory>
#include <stop_token>
#include <unordered_map>
#include <vector>

namespace chokepoint {

/**
 * Solves one module of a failure circuit: compiles its region to a BDD whose variables are the
 * module's items (its variables and the modules directly inside it) in a chosen order, then takes
 * the BDD's minimal solutions into a ZBDD (Rauzy's algorithm). The result is a family of sets of
 * items at levels base + position; a sub-module's level stands for all of its own sets.
 *
 * solve() only reads the circuit, so attempts with different orders can run on different threads.
 */
class ModuleSolver
{
public:
    using Ref = FailureLogic::Ref;

    ModuleSolver(const FailureLogic &logic, const FailureLogic::Structure &structure, std::size_t module);

    struct Solution
    {
        std::unique_ptr<Zbdd> zbdd; ///< the store holding `family`
        Zbdd::Ref family = Zbdd::kEmpty;
        std::vector<Ref> items; ///< the order used: items[i] is at level base + i
        std::size_t bddNodes = 0;
    };

    /**
     * One attempt with `ordering`. Keeps only sets of weight ≤ `sizeBound` (kUnlimited: all),
     * where an item weighs `itemWeight(item)` (1 for a variable, a sub-module's smallest set size).
     * Throws DiagramTooLarge past `limits.maxNodes` nodes in either diagram, Cancelled on stop.
     */
    Solution solve(FailureLogic::Ordering ordering, std::uint32_t seed, const DiagramLimits &limits,
                   std::uint32_t sizeBound, const std::function<std::uint32_t(Ref)> &itemWeight) const;

    /**
     * An attempt that can be taken up again with a larger node budget after it ran out: the BDDs
     * of the gates it finished are kept, so a second run costs only what the first did not do.
     */
    class Attempt
    {
    public:
        Attempt(const ModuleSolver &solver, FailureLogic::Ordering ordering, std::uint32_t seed,
                std::stop_token stop, std::uint32_t sizeBound,
                const std::function<std::uint32_t(Ref)> &itemWeight);
        /// Goes on within `maxNodes` nodes per diagram. Throws DiagramTooLarge (run() may then be
        /// called again with more) or Cancelled.
        Solution run(std::size_t maxNodes);

    private:
        const ModuleSolver &m_solver;
        std::stop_token m_stop;
        std::uint32_t m_sizeBound;
        std::vector<Ref> m_items;
        std::unordered_map<Ref, std::uint32_t> m_levelOf;
        std::vector<std::uint32_t> m_weights;
        Bdd m_bdd;
        std::vector<Bdd::Ref> m_done; // by gate, the first m_next of them
        std::size_t m_next = 0;
    };

    static constexpr std::uint32_t kUnlimited = 0xFFFFFFFFu;

private:
    Bdd::Ref gateBdd(Bdd &bdd, Ref gate, const std::unordered_map<Ref, std::uint32_t> &levelOf,
                     const std::vector<Bdd::Ref> &done) const;

    const FailureLogic &m_logic;
    const FailureLogic::Structure &m_structure;
    std::size_t m_module;
    std::vector<Ref> m_gates;                          // the region's gates, each after its arguments
    std::unordered_map<Ref, std::uint32_t> m_position; // gate → index in m_gates
};

} // namespace chokepoint
