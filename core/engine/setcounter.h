#pragma once

#include "engine/zbdd.h"

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

namespace chokepoint {

/**
 * Counts the sets of ZBDD families by size without listing them, and lists the sets of one size.
 *
 * A family's size distribution is a polynomial: P(∅-family) = 0, P({∅}) = 1 and
 * P(node) = P(low) + w · P(high), where w is z for a plain variable and, for a variable that
 * stands for a module, the module's own polynomial (its sets share no variable with the rest, so
 * each expands into a product). Coefficients above `maxSize` are dropped; counts are exact
 * 64-bit integers and an overflow throws AnalysisError. So does a count that would hold more
 * than kMaxCoefficients coefficients (512 MB): diagrams whose sets come in very many sizes,
 * such as a chain of thousands of alternating AND and OR gates, counted without a bound on size.
 */
class SetCounter
{
public:
    static constexpr std::uint32_t kUnlimited = 0xFFFFFFFFu;
    static constexpr std::uint64_t kMaxCoefficients = std::uint64_t{1} << 26;

    SetCounter(const Zbdd &zbdd, std::uint32_t maxSize);

    /// Makes the variable at `level` stand for a family with `bySize` sets of each size. Call it
    /// before counting any family that holds the variable.
    void substitute(std::uint32_t level, std::vector<std::uint64_t> bySize);

    /// bySize[s] = how many sets of `r` have s elements (after substitution), s ≤ maxSize; the
    /// vector ends at the largest size present.
    std::vector<std::uint64_t> count(Zbdd::Ref r);

    /// How many sets of `r` have exactly `size` elements (after count(r) or for a node below it).
    std::uint64_t countOfSize(Zbdd::Ref r, std::uint32_t size);

    /**
     * Calls `visit` with the levels (ascending) of every set of exactly `size` elements of `r`,
     * which must hold no substituted variable. Stops early when `visit` returns false.
     */
    void forEachOfSize(Zbdd::Ref r, std::uint32_t size, const std::function<bool(std::span<const std::uint32_t>)> &visit);

private:
    /// The coefficients of degrees low … low + length − 1 are at m_pool[offset…]; all others are
    /// zero. A chain of n variables has the polynomials z, z², … zⁿ: leaving the zeros below out
    /// keeps them one coefficient each instead of n²/2 in all.
    struct Poly
    {
        std::uint64_t offset = 0;
        std::uint32_t low = 0;
        std::uint32_t length = 0xFFFFFFFFu; // unset
    };
    /// m_pool is grown by `more`, or AnalysisError when it would pass kMaxCoefficients.
    void reserveCoefficients(std::uint64_t more, std::uint64_t largestSize);
    const Poly &poly(Zbdd::Ref r);
    bool enumerate(Zbdd::Ref r, std::uint32_t size, const std::function<bool(std::span<const std::uint32_t>)> &visit);

    const Zbdd &m_zbdd;
    std::uint32_t m_maxSize;
    std::vector<Poly> m_polys; // by node
    std::vector<std::uint64_t> m_pool;
    std::unordered_map<std::uint32_t, std::vector<std::uint64_t>> m_substitutes; // level → polynomial
    std::uint64_t m_substituted = 0; // coefficients held in m_substitutes
    std::vector<std::uint32_t> m_path;
};

} // namespace chokepoint
