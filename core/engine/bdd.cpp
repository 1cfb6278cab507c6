#include "engine/bdd.h"

#include <utility>
#include <vector>

namespace chokepoint {

Bdd::Ref Bdd::conjunction(Ref a, Ref b)
{
    m_cache.fit(m_store.size());
    return apply(kAnd, a, b);
}

Bdd::Ref Bdd::disjunction(Ref a, Ref b)
{
    m_cache.fit(m_store.size());
    return apply(kOr, a, b);
}

Bdd::Ref Bdd::apply(Op op, Ref a, Ref b)
{
    if (op == kAnd) {
        if (a == kFalse || b == kFalse)
            return kFalse;
        if (a == kTrue || a == b)
            return b;
        if (b == kTrue)
            return a;
    } else {
        if (a == kTrue || b == kTrue)
            return kTrue;
        if (a == kFalse || a == b)
            return b;
        if (b == kFalse)
            return a;
    }
    if (a > b)
        std::swap(a, b);
    Ref result;
    if (m_cache.lookup(op, a, b, result))
        return result;
    const DiagramStore::Node na = m_store.node(a), nb = m_store.node(b);
    if (na.level == nb.level)
        result = make(na.level, apply(op, na.low, nb.low), apply(op, na.high, nb.high));
    else if (na.level < nb.level)
        result = make(na.level, apply(op, na.low, b), apply(op, na.high, b));
    else
        result = make(nb.level, apply(op, a, nb.low), apply(op, a, nb.high));
    m_cache.store(op, a, b, result);
    return result;
}

Bdd::Ref Bdd::atLeast(long k, std::span<const Ref> args)
{
    if (k <= 0)
        return kTrue;
    const auto n = static_cast<long>(args.size());
    if (k > n)
        return kFalse;
    m_cache.fit(m_store.size());
    // reach[j]: at least j of the arguments seen so far are true. Only j ≥ k - (arguments left)
    // can still matter, so the table shrinks from below as the end nears.
    std::vector<Ref> reach(static_cast<std::size_t>(k) + 1, kFalse);
    reach[0] = kTrue;
    for (long i = 0; i < n; ++i) {
        const long left = n - i - 1;
        const long lowest = std::max(1L, k - left);
        for (long j = std::min(k, i + 1); j >= lowest; --j)
            reach[j] = apply(kOr, reach[j], apply(kAnd, args[i], reach[j - 1]));
    }
    return reach[k];
}

} // namespace chokepoint
