#include "engine/zbdd.h"

#include <utility>

namespace chokepoint {
namespace {
constexpr std::uint32_t kUnlimited = 0xFFFFFFFFu;
}

Zbdd::Ref Zbdd::unite(Ref a, Ref b)
{
    m_cache.fit(m_store.size());
    if (a == kEmpty || a == b)
        return b;
    if (b == kEmpty)
        return a;
    if (a > b)
        std::swap(a, b);
    Ref result;
    if (m_cache.lookup(kUnion, a, b, result))
        return result;
    const DiagramStore::Node na = m_store.node(a), nb = m_store.node(b);
    if (na.level == nb.level)
        result = make(na.level, unite(na.low, nb.low), unite(na.high, nb.high));
    else if (na.level < nb.level)
        result = make(na.level, unite(na.low, b), na.high);
    else
        result = make(nb.level, unite(a, nb.low), nb.high);
    m_cache.store(kUnion, a, b, result);
    return result;
}

Zbdd::Ref Zbdd::product(Ref a, Ref b)
{
    m_cache.fit(m_store.size());
    if (a == kEmpty || b == kEmpty)
        return kEmpty;
    if (a == kBase)
        return b;
    if (b == kBase)
        return a;
    if (a > b)
        std::swap(a, b);
    Ref result;
    if (m_cache.lookup(kProduct, a, b, result))
        return result;
    const DiagramStore::Node na = m_store.node(a), nb = m_store.node(b);
    if (na.level == nb.level) {
        // (x·a1 ∪ a0)(x·b1 ∪ b0) = x·(a1b1 ∪ a1b0 ∪ a0b1) ∪ a0b0
        const Ref high = unite(unite(product(na.high, nb.high), product(na.high, nb.low)), product(na.low, nb.high));
        result = make(na.level, product(na.low, nb.low), high);
    } else if (na.level < nb.level) {
        result = make(na.level, product(na.low, b), product(na.high, b));
    } else {
        result = make(nb.level, product(a, nb.low), product(a, nb.high));
    }
    m_cache.store(kProduct, a, b, result);
    return result;
}

Zbdd::Ref Zbdd::without(Ref p, Ref q)
{
    m_cache.fit(m_store.size());
    if (p == kEmpty || p == q)
        return kEmpty;
    if (q == kEmpty)
        return p;
    if (q == kBase)
        return kEmpty; // ∅ is a subset of every set
    Ref result;
    if (m_cache.lookup(kWithout, p, q, result))
        return result;
    const DiagramStore::Node np = m_store.node(p), nq = m_store.node(q);
    if (np.level < nq.level) {
        result = make(np.level, without(np.low, q), without(np.high, q));
    } else if (np.level > nq.level) {
        // No set of p holds q's top variable, so q's sets that do cannot be subsets.
        result = without(p, nq.low);
    } else {
        result = make(np.level, without(np.low, nq.low), without(without(np.high, nq.high), nq.low));
    }
    m_cache.store(kWithout, p, q, result);
    return result;
}

Zbdd::Ref Zbdd::import(const Zbdd &other, Ref r)
{
    std::unordered_map<Ref, Ref> copied;
    const std::function<Ref(Ref)> copy = [&](Ref x) -> Ref {
        if (x <= kBase)
            return x;
        if (auto it = copied.find(x); it != copied.end())
            return it->second;
        const Ref result = make(other.level(x), copy(other.low(x)), copy(other.high(x)));
        copied.emplace(x, result);
        return result;
    };
    return copy(r);
}

Zbdd::Ref Zbdd::minimalSolutions(const Bdd &bdd, Bdd::Ref f, std::uint32_t budget,
                                 const std::function<std::uint32_t(std::uint32_t)> &weight)
{
    m_cache.fit(m_store.size() + bdd.nodeCount());
    return minimal(bdd, f, budget, weight);
}

Zbdd::Ref Zbdd::minimal(const Bdd &bdd, Bdd::Ref f, std::uint32_t budget,
                        const std::function<std::uint32_t(std::uint32_t)> &weight)
{
    if (f == Bdd::kFalse)
        return kEmpty;
    if (f == Bdd::kTrue)
        return kBase;
    const std::uint64_t key = (std::uint64_t{f} << 32) | budget;
    if (auto it = m_minimal.find(key); it != m_minimal.end())
        return it->second;
    // f = x·f1 + ¬x·f0 with f0 ≤ f1: the minimal solutions are those of f0, and x added to those
    // of f1 that contain no solution of f0.
    const std::uint32_t x = bdd.level(f);
    const Ref low = minimal(bdd, bdd.low(f), budget, weight);
    Ref result = low;
    const std::uint32_t w = budget == kUnlimited ? 0 : weight(x);
    if (budget == kUnlimited || w <= budget) {
        const Ref high = minimal(bdd, bdd.high(f), budget == kUnlimited ? budget : budget - w, weight);
        result = make(x, low, without(high, low));
    }
    m_minimal.emplace(key, result);
    return result;
}

} // namespace chokepoint
