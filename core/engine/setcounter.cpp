#include "engine/setcounter.h"

#include "util/problem.h"

#include <algorithm>

namespace chokepoint {
namespace {

std::uint64_t checkedAdd(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r;
    if (__builtin_add_overflow(a, b, &r))
        throw AnalysisError("more than 18446744073709551615 cut sets: too many to count exactly");
    return r;
}

std::uint64_t checkedMul(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r;
    if (__builtin_mul_overflow(a, b, &r))
        throw AnalysisError("more than 18446744073709551615 cut sets: too many to count exactly");
    return r;
}

} // namespace

SetCounter::SetCounter(const Zbdd &zbdd, std::uint32_t maxSize) : m_zbdd(zbdd), m_maxSize(maxSize)
{
    m_pool.push_back(1); // the polynomial 1, shared by kBase
}

void SetCounter::substitute(std::uint32_t level, std::vector<std::uint64_t> bySize)
{
    // Polynomials already computed cannot involve `level`: a module is counted before any diagram
    // that uses its variable is built. Redefining a level drops them all.
    const bool redefined = m_substitutes.count(level) != 0;
    m_substitutes[level] = std::move(bySize);
    if (redefined) {
        m_polys.clear();
        m_pool.resize(1);
    }
}

const SetCounter::Poly &SetCounter::poly(Zbdd::Ref r)
{
    if (m_polys.size() <= r)
        m_polys.resize(std::max<std::size_t>(m_zbdd.nodeCount(), r + 1));
    if (m_polys[r].length != 0xFFFFFFFFu)
        return m_polys[r];
    if (r == Zbdd::kEmpty) {
        m_polys[r] = Poly{0, 0};
        return m_polys[r];
    }
    if (r == Zbdd::kBase) {
        m_polys[r] = Poly{0, 1};
        return m_polys[r];
    }
    const Poly low = poly(m_zbdd.low(r));
    const Poly high = poly(m_zbdd.high(r));
    static const std::vector<std::uint64_t> kZ{0, 1};
    const auto sub = m_substitutes.find(m_zbdd.level(r));
    const std::vector<std::uint64_t> &w = sub == m_substitutes.end() ? kZ : sub->second;

    std::uint64_t length = low.length;
    if (high.length > 0 && !w.empty())
        length = std::max<std::uint64_t>(length, high.length + w.size() - 1);
    if (m_maxSize != kUnlimited)
        length = std::min<std::uint64_t>(length, std::uint64_t{m_maxSize} + 1);
    const std::uint64_t offset = m_pool.size();
    m_pool.resize(offset + length, 0);
    std::uint64_t *out = m_pool.data() + offset;
    for (std::uint64_t i = 0; i < std::min<std::uint64_t>(low.length, length); ++i)
        out[i] = m_pool[low.offset + i];
    for (std::uint64_t j = 0; j < w.size(); ++j) {
        if (w[j] == 0)
            continue;
        for (std::uint64_t i = 0; i < high.length && i + j < length; ++i) {
            const std::uint64_t c = m_pool[high.offset + i];
            if (c)
                out[i + j] = checkedAdd(out[i + j], checkedMul(c, w[j]));
        }
    }
    while (length > 0 && out[length - 1] == 0)
        --length;
    m_pool.resize(offset + length);
    m_polys[r] = Poly{offset, static_cast<std::uint32_t>(length)};
    return m_polys[r];
}

std::vector<std::uint64_t> SetCounter::count(Zbdd::Ref r)
{
    const Poly p = poly(r);
    return {m_pool.begin() + static_cast<std::ptrdiff_t>(p.offset),
            m_pool.begin() + static_cast<std::ptrdiff_t>(p.offset + p.length)};
}

std::uint64_t SetCounter::countOfSize(Zbdd::Ref r, std::uint32_t size)
{
    const Poly p = poly(r);
    return size < p.length ? m_pool[p.offset + size] : 0;
}

void SetCounter::forEachOfSize(Zbdd::Ref r, std::uint32_t size,
                               const std::function<bool(std::span<const std::uint32_t>)> &visit)
{
    m_path.clear();
    enumerate(r, size, visit);
}

bool SetCounter::enumerate(Zbdd::Ref r, std::uint32_t size,
                           const std::function<bool(std::span<const std::uint32_t>)> &visit)
{
    if (r == Zbdd::kBase)
        return size != 0 || visit(m_path);
    if (r == Zbdd::kEmpty || countOfSize(r, size) == 0)
        return true;
    if (!enumerate(m_zbdd.low(r), size, visit))
        return false;
    if (size == 0)
        return true;
    m_path.push_back(m_zbdd.level(r));
    const bool more = enumerate(m_zbdd.high(r), size - 1, visit);
    m_path.pop_back();
    return more;
}

} // namespace chokepoint
