#include "engine/zbdd.h"

#include <utility>

namespace chokepoint {
namespace {
constexpr std::uint32_t kUnlimited = 0xFFFFFFFFu;
constexpr Zbdd::Ref kNone = 0xFFFFFFFFu;
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

Zbdd::Ref Zbdd::failing(Ref p, const Bdd &bdd, Bdd::Ref f)
{
    // Filtering by the BDD of f0 rather than by the family of its minimal solutions (Rauzy's
    // `without`) needs one recursion where both hold a variable, not two: f's high branch already
    // holds everything its low branch does.
    for (;;) {
        if (p == kEmpty || f == Bdd::kTrue)
            return kEmpty;
        // A monotone function other than true is false on the empty set.
        if (f == Bdd::kFalse || p == kBase)
            return p;
        // No set of p holds f's top variable when it lies above p's: follow f with it false.
        if (bdd.level(f) >= m_store.level(p))
            break;
        f = bdd.low(f);
    }
    Ref result;
    if (m_cache.lookup(kFailing, p, f, result))
        return result;
    const DiagramStore::Node np = m_store.node(p);
    if (np.level < bdd.level(f))
        result = make(np.level, failing(np.low, bdd, f), failing(np.high, bdd, f));
    else
        result = make(np.level, failing(np.low, bdd, bdd.low(f)), failing(np.high, bdd, bdd.high(f)));
    m_cache.store(kFailing, p, f, result);
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
    if (budget == kUnlimited)
        m_minimalUnbounded.resize(bdd.nodeCount(), kNone);
    return minimal(bdd, f, budget, weight);
}

Zbdd::Ref Zbdd::minimal(const Bdd &bdd, Bdd::Ref f, std::uint32_t budget,
                        const std::function<std::uint32_t(std::uint32_t)> &weight)
{
    if (f == Bdd::kFalse)
        return kEmpty;
    if (f == Bdd::kTrue)
        return kBase;
    if (budget == kUnlimited && m_minimalUnbounded[f] != kNone)
        return m_minimalUnbounded[f];
    const std::uint64_t key = (std::uint64_t{f} << 32) | budget;
    if (budget != kUnlimited) {
        if (auto it = m_minimal.find(key); it != m_minimal.end())
            return it->second;
    }
    // f = x·f1 + ¬x·f0 with f0 ≤ f1: the minimal solutions are those of f0, and x added to those
    // of f1 that contain no solution of f0, that is, on which f0 is false (f0 is monotone).
    const std::uint32_t x = bdd.level(f);
    const Ref low = minimal(bdd, bdd.low(f), budget, weight);
    Ref result = low;
    const std::uint32_t w = budget == kUnlimited ? 0 : weight(x);
    if (budget == kUnlimited || w <= budget) {
        const Ref high = minimal(bdd, bdd.high(f), budget == kUnlimited ? budget : budget - w, weight);
        result = make(x, low, failing(high, bdd, bdd.low(f)));
    }
    if (budget == kUnlimited)
        m_minimalUnbounded[f] = result;
    else
        m_minimal.emplace(key, result);
    m_cache.fit(m_store.size() + bdd.nodeCount()); // the family has grown: so may the cache
    return result;
}

} // namespace chokepoint
