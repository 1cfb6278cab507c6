#pragma once

#include "engine/bdd.h"
#include "engine/diagramstore.h"

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

namespace chokepoint {

/**
 * Zero-suppressed decision diagrams (Minato) holding families of sets of variables, with the
 * operations minimal cut sets need: union, product, Rauzy's `without`, the minimal solutions of
 * a monotone BDD, counting by set size, and listing.
 *
 * Variables are identified by level, as in Bdd; a node (level, low, high) stands for
 * low ∪ {s ∪ {level} : s ∈ high}. kEmpty is the empty family, kBase the family {∅}.
 */
class Zbdd
{
public:
    using Ref = DiagramStore::Ref;
    static constexpr Ref kEmpty = DiagramStore::kZero;
    static constexpr Ref kBase = DiagramStore::kOne;

    explicit Zbdd(DiagramLimits limits = {}) : m_store(std::move(limits)) {}

    /// The node for low ∪ {s ∪ {level}: s ∈ high}, with the zero-suppression rule.
    Ref make(std::uint32_t level, Ref low, Ref high)
    {
        return high == kEmpty ? low : m_store.find(level, low, high);
    }
    Ref unite(Ref a, Ref b);
    /// {a ∪ b : a ∈ A, b ∈ B}, not minimised (minimal already when A and B share no variable).
    Ref product(Ref a, Ref b);
    /// A copy of family `r` of `other` in this store.
    Ref import(const Zbdd &other, Ref r);
    /// Rauzy's P ÷ Q: the sets of P that contain no set of Q.
    Ref without(Ref p, Ref q);

    /**
     * The minimal solutions of the monotone function `f` of `bdd` (Rauzy 1993), keeping only the
     * sets whose weight is at most `budget`; the weight of a variable is `weight(level)` (≥ 1).
     * Memoised across calls with the same bdd, weights and budget (see clearMinimalCache()).
     */
    Ref minimalSolutions(const Bdd &bdd, Bdd::Ref f, std::uint32_t budget,
                         const std::function<std::uint32_t(std::uint32_t)> &weight);
    void clearMinimalCache()
    {
        m_minimal.clear();
        m_minimalUnbounded.clear();
    }

    std::uint32_t level(Ref r) const { return m_store.level(r); }
    Ref low(Ref r) const { return m_store.low(r); }
    Ref high(Ref r) const { return m_store.high(r); }
    bool isTerminal(Ref r) const { return r <= kBase; }
    std::size_t nodeCount() const { return m_store.size(); }
    /// Makes room for `nodes` nodes (see DiagramStore::reserve).
    void reserve(std::size_t nodes) { m_store.reserve(nodes); }
    /// Changes the node budget (see DiagramLimits).
    void setMaxNodes(std::size_t maxNodes) { m_store.setMaxNodes(maxNodes); }

private:
    enum Op : std::uint32_t { kUnion = 1, kProduct = 2, kWithout = 3, kFailing = 4 };
    /// The sets of `p` on which the monotone function `f` of `bdd` is false.
    Ref failing(Ref p, const Bdd &bdd, Bdd::Ref f);
    Ref minimal(const Bdd &bdd, Bdd::Ref f, std::uint32_t budget,
                const std::function<std::uint32_t(std::uint32_t)> &weight);

    DiagramStore m_store;
    OperationCache m_cache{10};
    std::unordered_map<std::uint64_t, Ref> m_minimal; // (bdd node, budget) → family
    std::vector<Ref> m_minimalUnbounded;              // by bdd node, with no budget; kNone if not known
};

} // namespace chokepoint
