#pragma once

#include "engine/diagramstore.h"

#include <span>

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

    std::uint32_t level(Ref r) const { return m_store.level(r); }
    Ref low(Ref r) const { return m_store.low(r); }
    Ref high(Ref r) const { return m_store.high(r); }
    bool isTerminal(Ref r) const { return r <= kTrue; }
    /// Nodes created so far, terminals included.
    std::size_t nodeCount() const { return m_store.size(); }
    /// Changes the node budget (see DiagramLimits).
    void setMaxNodes(std::size_t maxNodes) { m_store.setMaxNodes(maxNodes); }

private:
    enum Op : std::uint32_t { kAnd = 1, kOr = 2 };
    Ref make(std::uint32_t level, Ref low, Ref high) { return low == high ? low : m_store.find(level, low, high); }
    Ref apply(Op op, Ref a, Ref b);

    DiagramStore m_store;
    OperationCache m_cache{10};
};

} // namespace chokepoint
