#include "engine/setcounter.h"

#include "util/problem.h"

#include <algorithm>
#include <limits>
#include <string>

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
    reserveCoefficients(bySize.size(), bySize.size());
    m_substituted += bySize.size();
    const auto it = m_substitutes.find(level);
    const bool redefined = it != m_substitutes.end();
    if (redefined)
        m_substituted -= it->second.size();
    m_substitutes[level] = std::move(bySize);
    if (redefined) {
        m_polys.clear();
        m_pool.resize(1);
    }
}

void SetCounter::reserveCoefficients(std::uint64_t more, std::uint64_t largestSize)
{
    if (m_pool.size() + m_substituted + more > kMaxCoefficients)
        throw AnalysisError("counting the sets by size would take more than " +
                            std::to_string(kMaxCoefficients * sizeof(std::uint64_t) >> 20) +
                            " MB: they come in too many sizes (up to " + std::to_string(largestSize) +
                            " blocks); a bound on the set size helps");
}

const SetCounter::Poly &SetCounter::poly(Zbdd::Ref r)
{
    if (m_polys.size() <= r)
        m_polys.resize(std::max<std::size_t>(m_zbdd.nodeCount(), r + 1));
    if (m_polys[r].length != 0xFFFFFFFFu)
        return m_polys[r];
    if (r == Zbdd::kEmpty) {
        m_polys[r] = Poly{0, 0, 0};
        return m_polys[r];
    }
    if (r == Zbdd::kBase) {
        m_polys[r] = Poly{0, 0, 1};
        return m_polys[r];
    }
    const Poly low = poly(m_zbdd.low(r));
    const Poly high = poly(m_zbdd.high(r));
    static const std::vector<std::uint64_t> kZ{0, 1};
    const auto sub = m_substitutes.find(m_zbdd.level(r));
    const std::vector<std::uint64_t> &w = sub == m_substitutes.end() ? kZ : sub->second;
    const auto wLow = static_cast<std::uint64_t>(
        std::find_if(w.begin(), w.end(), [](std::uint64_t c) { return c != 0; }) - w.begin());

    // The degrees low·1 and w·high can reach, cut at maxSize.
    const std::uint64_t cap = m_maxSize == kUnlimited ? std::numeric_limits<std::uint64_t>::max() : m_maxSize + 1ull;
    std::uint64_t begin = std::numeric_limits<std::uint64_t>::max(), end = 0;
    if (low.length > 0) {
        begin = low.low;
        end = low.low + std::uint64_t{low.length};
    }
    const bool product = high.length > 0 && wLow < w.size();
    if (product) {
        begin = std::min<std::uint64_t>(begin, high.low + wLow);
        end = std::max<std::uint64_t>(end, high.low + std::uint64_t{high.length} + w.size() - 1);
    }
    end = std::min(end, cap);
    if (begin >= end) {
        m_polys[r] = Poly{0, 0, 0};
        return m_polys[r];
    }
    reserveCoefficients(end - begin, end - 1);
    const std::uint64_t offset = m_pool.size();
    m_pool.resize(offset + (end - begin), 0);
    std::uint64_t *out = m_pool.data() + offset; // out[d − begin] is the coefficient of degree d
    for (std::uint64_t d = low.low; d < std::min<std::uint64_t>(low.low + std::uint64_t{low.length}, end); ++d)
        out[d - begin] = m_pool[low.offset + d - low.low];
    if (product) {
        for (std::uint64_t j = wLow; j < w.size(); ++j) {
            if (w[j] == 0)
                continue;
            for (std::uint64_t i = 0; i < high.length && high.low + i + j < end; ++i) {
                const std::uint64_t c = m_pool[high.offset + i];
                if (c) {
                    std::uint64_t &coefficient = out[high.low + i + j - begin];
                    coefficient = checkedAdd(coefficient, checkedMul(c, w[j]));
                }
            }
        }
    }
    // Zeros at either end are left out.
    while (end > begin && out[end - 1 - begin] == 0)
        --end;
    std::uint64_t first = begin;
    while (first < end && out[first - begin] == 0)
        ++first;
    if (first > begin)
        std::copy(out + (first - begin), out + (end - begin), out);
    const std::uint64_t length = end - first;
    m_pool.resize(offset + length);
    m_polys[r] = Poly{offset, static_cast<std::uint32_t>(length ? first : 0), static_cast<std::uint32_t>(length)};
    return m_polys[r];
}

std::vector<std::uint64_t> SetCounter::count(Zbdd::Ref r)
{
    const Poly p = poly(r);
    if (p.length == 0)
        return {};
    std::vector<std::uint64_t> bySize(std::size_t{p.low} + p.length, 0);
    std::copy(m_pool.begin() + static_cast<std::ptrdiff_t>(p.offset),
              m_pool.begin() + static_cast<std::ptrdiff_t>(p.offset + p.length), bySize.begin() + p.low);
    return bySize;
}

std::uint64_t SetCounter::countOfSize(Zbdd::Ref r, std::uint32_t size)
{
    const Poly p = poly(r);
    return size >= p.low && size - p.low < p.length ? m_pool[p.offset + size - p.low] : 0;
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
