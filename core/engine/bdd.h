#pragma once

#include "engine/diagramstore.h"

#include <optional>
#include <span>
#include <vector>

namespace chokepoint {

/**
 * Reduced ordered binary decision diagrams of monotone Boolean functions (Bryant; Rauzy's use
 * for fault trees). Variables are identified by their level: a smaller level is nearer the root.
 * No complement edges: every function built here is monotone, built from variables with AND, OR
 * and at-least-k gates.
 */
class Bdd
{
public:
    using Ref = DiagramStore::Ref;
    static constexpr Ref kFalse = DiagramStore::kZero;
    static constexpr Ref kTrue = DiagramStore::kOne;

    explicit Bdd(DiagramLimits limits = {}) : m_store(std::move(limits)) {}

    /// The function "variable at `level` is true".
    Ref variable(std::uint32_t level) { return make(level, kFalse, kTrue); }
    Ref conjunction(Ref a, Ref b);
    Ref disjunction(Ref a, Ref b);
    /// True when at least `k` of `args` are true (args may repeat; k ≤ 0 is true, k > n false).
    Ref atLeast(long k, std::span<const Ref> args);
    /// The OR (with `disjunction`, else the AND) of `args`, folded from the deepest argument up:
    /// each step then puts the next argument above what is built, instead of rebuilding it.
    Ref fold(bool disjunction, std::vector<Ref> args);
    /**
     * The AND (or, with `disjunction`, the OR) of all of `args`, built in one pass over them
     * together rather than one at a time: only nodes of the result are created, where folding
     * the arguments one by one creates every partial result on the way (edf9204's top gate:
     * 0.71 M nodes for a result of 0.21 M). The pass can also take far longer, when many
     * combinations of the arguments' sub-functions stand for the same function: past
     * `maxStates` states it gives up and returns nothing.
     * Throws DiagramTooLarge when it visits more states than the node budget allows.
     */
    std::optional<Ref> combine(bool disjunction, std::span<const Ref> args, std::size_t maxStates);
    /// How many nodes the function `r` has, terminals excepted.
    std::size_t size(Ref r);

    std::uint32_t level(Ref r) const { return m_store.level(r); }
    Ref low(Ref r) const { return m_store.low(r); }
    Ref high(Ref r) const { return m_store.high(r); }
    bool isTerminal(Ref r) const { return r <= kTrue; }
    /// Nodes created so far, terminals included.
    std::size_t nodeCount() const { return m_store.size(); }
    /// Changes the node budget (see DiagramLimits).
    void setMaxNodes(std::size_t maxNodes) { m_store.setMaxNodes(maxNodes); }

private:
    /// Orders functions by their top level, the deepest first (fold() and atLeast() build upward).
    void sortDeepestFirst(std::vector<Ref> &args) const;
    enum Op : std::uint32_t { kAnd = 1, kOr = 2 };
    Ref make(std::uint32_t level, Ref low, Ref high) { return low == high ? low : m_store.find(level, low, high); }
    Ref apply(Op op, Ref a, Ref b);

    class Combiner;

    DiagramStore m_store;
    OperationCache m_cache{10};
    std::vector<std::uint32_t> m_mark; // size(): visited when equal to m_stamp
    std::uint32_t m_stamp = 0;
};

} // namespace chokepoint
