#pragma once

#include "model/model.h"

#include <cstdint>
#include <span>
#include <vector>

namespace chokepoint {

/// Index of a node in a Graph: its position in a topological order (dependencies come first).
using Vertex = std::uint32_t;

/**
 * A validated model compiled for evaluation: nodes renumbered in topological order, their
 * dependencies in one flat array grouped hard → fallback → soft, and the reverse edges.
 *
 * Evaluating in vertex order sees every dependency before its dependants, so a full recompute is
 * one pass over the edges, and an incremental one can follow the dependants in increasing order.
 */
class Graph
{
public:
    /// Compiles `model`, which must have passed validate().
    explicit Graph(const Model &model);

    std::size_t vertexCount() const { return m_nodeOfVertex.size(); }
    std::size_t edgeCount() const { return m_deps.size(); }

    Vertex vertexOf(std::size_t nodeIndex) const { return m_vertexOfNode[nodeIndex]; }
    std::size_t nodeOf(Vertex v) const { return m_nodeOfVertex[v]; }

    /// Where a vertex's dependencies sit in deps(), and how many must be ok. One record holds what
    /// the evaluator's inner loop needs, so a full pass streams through one array.
    struct VertexRecord
    {
        std::uint32_t begin;         ///< first hard dependency
        std::uint32_t fallbackBegin; ///< first fallback dependency
        std::uint32_t softBegin;     ///< first soft dependency; the next record's begin ends them
        std::uint32_t need;          ///< all: |hard|; any: 1; atLeast: k; 0 with no hard or fallback
    };
    /// The record of `v`; record(vertexCount()) is a sentinel whose `begin` ends the last vertex.
    const VertexRecord &record(Vertex v) const { return m_records[v]; }

    /// Dependencies of `v`: hard ones, then fallback ones, then soft ones.
    std::span<const Vertex> hard(Vertex v) const { return range(m_records[v].begin, m_records[v].fallbackBegin); }
    std::span<const Vertex> fallback(Vertex v) const
    {
        return range(m_records[v].fallbackBegin, m_records[v].softBegin);
    }
    std::span<const Vertex> soft(Vertex v) const { return range(m_records[v].softBegin, m_records[v + 1].begin); }
    std::span<const Vertex> dependencies(Vertex v) const { return range(m_records[v].begin, m_records[v + 1].begin); }
    /// The vertices that depend on `v`, in increasing order.
    std::span<const Vertex> dependants(Vertex v) const
    {
        return {m_rev.data() + m_revBegin[v], m_rev.data() + m_revBegin[v + 1]};
    }

    /// How many of the hard and fallback dependencies must be ok (all: every hard one; any: 1).
    std::uint32_t need(Vertex v) const { return m_records[v].need; }
    bool isCountermeasure(Vertex v) const { return m_flags[v] & kCountermeasure; }
    bool isBlockable(Vertex v) const { return m_flags[v] & kBlockable; }

    /// Where each level starts: vertices levelBegin()[l] … levelBegin()[l + 1] - 1 form level l,
    /// whose dependencies all lie in lower levels (level 0 depends on nothing). The vertices of
    /// one level can therefore be evaluated in any order, or at once; the last entry is
    /// vertexCount().
    std::span<const Vertex> levelBegin() const { return m_levelBegin; }

    /// Every vertex's dependencies, one flat array indexed by the records.
    const Vertex *deps() const { return m_deps.data(); }

    /// Every vertex from which `v` can be reached through dependencies, `v` included, ascending.
    std::vector<Vertex> ancestors(Vertex v) const;
    /// Every vertex that depends on one of `roots` directly or not, the roots included, ascending.
    std::vector<Vertex> descendants(std::span<const Vertex> roots) const;

private:
    static constexpr std::uint8_t kCountermeasure = 1;
    static constexpr std::uint8_t kBlockable = 2;

    std::span<const Vertex> range(std::uint32_t b, std::uint32_t e) const { return {m_deps.data() + b, e - b}; }

    std::vector<Vertex> m_vertexOfNode;
    std::vector<std::uint32_t> m_nodeOfVertex;
    std::vector<VertexRecord> m_records; // size n + 1
    std::vector<Vertex> m_levelBegin;
    std::vector<Vertex> m_deps;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint32_t> m_revBegin; // size n + 1
    std::vector<Vertex> m_rev;
};

} // namespace chokepoint
