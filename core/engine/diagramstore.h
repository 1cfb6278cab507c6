#pragma once

#include "util/problem.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <stop_token>
#include <utility>
#include <vector>

namespace chokepoint {

/// Thrown by long analyses when their stop token is triggered.
class Cancelled : public std::runtime_error
{
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// Thrown when a diagram store passes its node budget.
class DiagramTooLarge : public AnalysisError
{
public:
    using AnalysisError::AnalysisError;
};

/// Limits shared by the decision diagrams of one analysis: a node budget and a stop token.
struct DiagramLimits
{
    std::size_t maxNodes = std::size_t{1} << 28; ///< about 3 GiB of nodes and table
    std::stop_token stop;
};

/**
 * The nodes of one family of decision diagrams (BDD or ZBDD) with their unique table.
 *
 * A node is (level, low, high); references are indices, 0 and 1 are the terminals. The store
 * applies no reduction rule: the BDD and the ZBDD classes apply theirs before calling find().
 * Nodes are never freed; an analysis builds its diagrams and drops the store.
 */
class DiagramStore
{
public:
    using Ref = std::uint32_t;
    static constexpr Ref kZero = 0;
    static constexpr Ref kOne = 1;
    /// The level of the terminals, below every variable.
    static constexpr std::uint32_t kTerminalLevel = 0xFFFFFFFFu;

    struct Node
    {
        std::uint32_t level;
        Ref low;
        Ref high;
    };

    explicit DiagramStore(DiagramLimits limits = {});

    /// The node (level, low, high), created if new. Throws Cancelled or DiagramTooLarge.
    Ref find(std::uint32_t level, Ref low, Ref high)
    {
        // A slot holds a node's reference and, above it, the upper half of its hash: most probes
        // that do not match are told apart by the slot alone, without reading the node.
        const std::uint64_t h = hash(level, low, high);
        const std::uint64_t tag = h & kTagMask;
        std::size_t slot = h & m_mask;
        for (;;) {
            const std::uint64_t entry = m_table[slot];
            if (entry == 0)
                break;
            if ((entry & kTagMask) == tag) {
                const Ref r = static_cast<Ref>(entry);
                const Node &n = m_nodes[r];
                if (n.low == low && n.high == high && n.level == level)
                    return r;
            }
            slot = (slot + 1) & m_mask;
        }
        return add(slot, tag, level, low, high);
    }

    const Node &node(Ref r) const { return m_nodes[r]; }
    std::uint32_t level(Ref r) const { return m_nodes[r].level; }
    Ref low(Ref r) const { return m_nodes[r].low; }
    Ref high(Ref r) const { return m_nodes[r].high; }
    std::size_t size() const { return m_nodes.size(); }
    void setMaxNodes(std::size_t maxNodes) { m_limits.maxNodes = maxNodes; }
    const DiagramLimits &limits() const { return m_limits; }
    /// Makes room for `nodes` nodes in all, so that the table need not grow on the way there.
    void reserve(std::size_t nodes);

private:
    static constexpr std::uint64_t kTagMask = 0xFFFFFFFF00000000ull;
    static std::uint64_t hash(std::uint32_t level, Ref low, Ref high)
    {
        std::uint64_t h = (std::uint64_t{low} << 32 | high) * 0x9E3779B97F4A7C15ull;
        h ^= (h >> 29) + level * 0xBF58476D1CE4E5B9ull;
        h *= 0xD6E8FEB86659FD93ull;
        return h ^ (h >> 32); // the low half indexes the table, the high half is the slot's tag
    }
    Ref add(std::size_t slot, std::uint64_t tag, std::uint32_t level, Ref low, Ref high);
    void grow();
    void rehash(std::size_t size);

    std::vector<Node> m_nodes;
    std::vector<std::uint64_t> m_table; // tag | ref; 0 = empty slot (terminals are never stored)
    std::size_t m_mask = 0;
    DiagramLimits m_limits;
};

/**
 * A lossy, direct-mapped cache of binary operations on diagram nodes: (op, a, b) → result. A
 * collision overwrites; a miss only costs a recomputation.
 */
class OperationCache
{
public:
    explicit OperationCache(std::size_t log2Size = 16) { resize(log2Size); }

    bool lookup(std::uint32_t op, std::uint32_t a, std::uint32_t b, std::uint32_t &result) const
    {
        const Entry &e = m_entries[index(op, a, b)];
        if (e.a == a && e.b == b && e.op == op) {
            result = e.result;
            return true;
        }
        return false;
    }
    void store(std::uint32_t op, std::uint32_t a, std::uint32_t b, std::uint32_t result)
    {
        m_entries[index(op, a, b)] = Entry{a, b, op, result};
    }
    /// Grows the cache when the diagrams have outgrown it, keeping its entries.
    void fit(std::size_t nodeCount)
    {
        if (nodeCount > m_entries.size() && m_log2 < kMaxLog2) {
            std::size_t log2 = m_log2;
            while ((std::size_t{1} << log2) < nodeCount && log2 < kMaxLog2)
                ++log2;
            std::vector<Entry> old = std::move(m_entries);
            resize(log2);
            for (const Entry &e : old) {
                if (e.op != Entry{}.op)
                    m_entries[index(e.op, e.a, e.b)] = e;
            }
        }
    }
    void clear() { std::fill(m_entries.begin(), m_entries.end(), Entry{}); }

private:
    static constexpr std::size_t kMaxLog2 = 24;
    struct Entry
    {
        std::uint32_t a = 0xFFFFFFFFu, b = 0xFFFFFFFFu, op = 0xFFFFFFFFu, result = 0;
    };
    std::size_t index(std::uint32_t op, std::uint32_t a, std::uint32_t b) const
    {
        std::uint64_t h = (std::uint64_t{a} << 32 | b) * 0x9E3779B97F4A7C15ull + op * 0xD6E8FEB86659FD93ull;
        return static_cast<std::size_t>(h >> (64 - m_log2));
    }
    void resize(std::size_t log2Size)
    {
        m_log2 = log2Size;
        m_entries.assign(std::size_t{1} << log2Size, Entry{});
    }

    std::vector<Entry> m_entries;
    std::size_t m_log2 = 0;
};

} // namespace chokepoint
