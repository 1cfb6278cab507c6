#include "engine/bdd.h"

#include <algorithm>
#include <string>
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

std::size_t Bdd::size(Ref r)
{
    if (m_mark.size() < m_store.size())
        m_mark.resize(m_store.size(), 0);
    if (++m_stamp == 0) {
        std::fill(m_mark.begin(), m_mark.end(), 0);
        m_stamp = 1;
    }
    std::size_t n = 0;
    std::vector<Ref> stack{r};
    while (!stack.empty()) {
        const Ref x = stack.back();
        stack.pop_back();
        if (x <= kTrue || m_mark[x] == m_stamp)
            continue;
        m_mark[x] = m_stamp;
        ++n;
        stack.push_back(low(x));
        stack.push_back(high(x));
    }
    return n;
}

Bdd::Ref Bdd::atLeast(long k, std::span<const Ref> args)
{
    if (k <= 0)
        return kTrue;
    const auto n = static_cast<long>(args.size());
    if (k > n)
        return kFalse;
    m_cache.fit(m_store.size());
    // From the deepest argument up, as in fold(): taken top down, every step rebuilt the table's
    // diagrams under the new argument, n³/4 nodes for 1 of n (300 inputs took a minute).
    std::vector<Ref> sorted(args.begin(), args.end());
    sortDeepestFirst(sorted);
    args = sorted;
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

void Bdd::sortDeepestFirst(std::vector<Ref> &args) const
{
    std::stable_sort(args.begin(), args.end(), [&](Ref x, Ref y) { return level(x) > level(y); });
}

Bdd::Ref Bdd::fold(bool disjunction, std::vector<Ref> args)
{
    if (args.empty())
        return disjunction ? kFalse : kTrue;
    sortDeepestFirst(args);
    Ref f = args.front();
    for (std::size_t i = 1; i < args.size(); ++i)
        f = disjunction ? this->disjunction(f, args[i]) : conjunction(f, args[i]);
    return f;
}

/**
 * Bdd::combine: Shannon expansion of all the arguments at once. A state is the set of the
 * arguments' cofactors on the way down, kept sorted and without repeats, constants folded, so
 * that cofactors that meet are merged; states are memoised.
 */
class Bdd::Combiner
{
public:
    struct GiveUp
    {
    };

    Combiner(Bdd &bdd, Op op, std::size_t maxStates)
        : m_bdd(bdd), m_op(op), m_absorbing(op == kAnd ? kFalse : kTrue), m_neutral(op == kAnd ? kTrue : kFalse),
          m_budget(bdd.m_store.limits().maxNodes), m_maxStates(maxStates)
    {
        m_slots.assign(std::size_t{1} << 10, kEmptySlot);
    }

    Ref run(std::span<const Ref> args)
    {
        m_arena.assign(args.begin(), args.end());
        return settle(0);
    }

private:
    static constexpr std::uint32_t kEmptySlot = 0xFFFFFFFFu;
    struct Entry
    {
        std::size_t offset; // of its state in m_keys
        std::uint32_t size;
        Ref result;
    };

    // States live on one stack, m_arena, the one being settled from `begin` to the end; a
    // settled state is popped, so the stack holds at most one state per level of recursion.

    /// Folds constants and repeats out of the state at `begin`, combines what is left, pops it.
    Ref settle(std::size_t begin)
    {
        std::size_t out = begin;
        for (std::size_t i = begin; i < m_arena.size(); ++i) {
            const Ref r = m_arena[i];
            if (r == m_absorbing) {
                m_arena.resize(begin);
                return m_absorbing;
            }
            if (r != m_neutral)
                m_arena[out++] = r;
        }
        m_arena.resize(out);
        const auto first = m_arena.begin() + static_cast<std::ptrdiff_t>(begin);
        std::sort(first, m_arena.end());
        m_arena.erase(std::unique(first, m_arena.end()), m_arena.end());
        const std::size_t size = m_arena.size() - begin;
        Ref result = m_neutral;
        if (size == 1)
            result = m_arena[begin];
        else if (size == 2)
            result = m_bdd.apply(m_op, m_arena[begin], m_arena[begin + 1]);
        else if (size > 2)
            result = expand(begin);
        m_arena.resize(begin);
        return result;
    }

    Ref expand(std::size_t begin)
    {
        const std::size_t size = m_arena.size() - begin;
        const std::uint64_t h = hash({m_arena.data() + begin, size});
        for (std::size_t slot = h & (m_slots.size() - 1); m_slots[slot] != kEmptySlot;
             slot = (slot + 1) & (m_slots.size() - 1)) {
            const Entry &e = m_entries[m_slots[slot]];
            if (e.size == size && std::equal(m_arena.begin() + static_cast<std::ptrdiff_t>(begin), m_arena.end(),
                                             m_keys.begin() + static_cast<std::ptrdiff_t>(e.offset)))
                return e.result;
        }
        if ((m_entries.size() & 0xFFF) == 0xFFF && m_bdd.m_store.limits().stop.stop_requested())
            throw Cancelled();
        if (m_entries.size() >= m_maxStates)
            throw GiveUp();
        if (m_entries.size() >= m_budget)
            throw DiagramTooLarge("the decision diagrams grew past " + std::to_string(m_budget) +
                                  " nodes: the problem is too large (a bound on the set size helps)");
        std::uint32_t top = DiagramStore::kTerminalLevel;
        for (std::size_t i = begin; i < begin + size; ++i)
            top = std::min(top, m_bdd.level(m_arena[i]));
        // The cofactors, each pushed above the state and settled.
        auto cofactor = [&](bool high) {
            const std::size_t at = m_arena.size();
            for (std::size_t i = begin; i < begin + size; ++i) {
                const Ref r = m_arena[i];
                m_arena.push_back(m_bdd.level(r) != top ? r : high ? m_bdd.high(r) : m_bdd.low(r));
            }
            return settle(at);
        };
        const Ref low = cofactor(false);
        const Ref result = m_bdd.make(top, low, cofactor(true));
        remember(begin, size, h, result);
        return result;
    }

    static std::uint64_t hash(std::span<const Ref> state)
    {
        std::uint64_t h = 0x9E3779B97F4A7C15ull ^ state.size();
        for (Ref r : state)
            h = (h ^ r) * 0xBF58476D1CE4E5B9ull;
        return h ^ (h >> 31);
    }

    void remember(std::size_t begin, std::size_t size, std::uint64_t h, Ref result)
    {
        const auto index = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back(Entry{m_keys.size(), static_cast<std::uint32_t>(size), result});
        m_keys.insert(m_keys.end(), m_arena.begin() + static_cast<std::ptrdiff_t>(begin),
                      m_arena.begin() + static_cast<std::ptrdiff_t>(begin + size));
        if (m_entries.size() * 2 <= m_slots.size()) {
            place(h, index);
            return;
        }
        m_slots.assign(m_slots.size() * 2, kEmptySlot);
        for (std::uint32_t i = 0; i < m_entries.size(); ++i)
            place(hash({m_keys.data() + m_entries[i].offset, m_entries[i].size}), i);
    }

    void place(std::uint64_t h, std::uint32_t index)
    {
        std::size_t slot = h & (m_slots.size() - 1);
        while (m_slots[slot] != kEmptySlot)
            slot = (slot + 1) & (m_slots.size() - 1);
        m_slots[slot] = index;
    }

    Bdd &m_bdd;
    const Op m_op;
    const Ref m_absorbing, m_neutral;
    std::vector<std::uint32_t> m_slots; // open addressing: index into m_entries, or kEmptySlot
    std::vector<Entry> m_entries;
    std::vector<Ref> m_keys;  // the states of m_entries, one after the other
    std::vector<Ref> m_arena; // the states being settled, innermost last
    std::size_t m_budget;
    std::size_t m_maxStates;
};

std::optional<Bdd::Ref> Bdd::combine(bool disjunction, std::span<const Ref> args, std::size_t maxStates)
{
    m_cache.fit(m_store.size());
    try {
        return Combiner(*this, disjunction ? kOr : kAnd, maxStates).run(args);
    } catch (const Combiner::GiveUp &) {
        return std::nullopt;
    }
}

} // namespace chokepoint
