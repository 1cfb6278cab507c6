#include "engine/graph.h"

#include <algorithm>
#include <stdexcept>

namespace chokepoint {

Graph::Graph(const Model &model)
{
    const std::size_t n = model.nodes.size();
    if (n >= (std::size_t{1} << 31))
        throw std::length_error("model has too many nodes");

    // Resolve dependency ids once; count in-degrees for Kahn's algorithm.
    std::vector<std::uint32_t> offsets(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i)
        offsets[i + 1] = offsets[i] + static_cast<std::uint32_t>(model.nodes[i].dependsOn.size());
    std::vector<std::uint32_t> target(offsets[n]);
    std::vector<std::uint32_t> pending(n, 0);
    std::vector<std::uint32_t> dependantCount(n + 1, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const auto &deps = model.nodes[i].dependsOn;
        for (std::size_t j = 0; j < deps.size(); ++j) {
            const auto idx = model.indexOf(deps[j].node);
            if (!idx)
                throw std::invalid_argument("Graph: unknown dependency '" + deps[j].node + "'");
            target[offsets[i] + j] = static_cast<std::uint32_t>(*idx);
            ++dependantCount[*idx + 1];
        }
        pending[i] = static_cast<std::uint32_t>(deps.size());
    }
    // Reverse adjacency on node indices, for Kahn's algorithm.
    for (std::size_t i = 0; i < n; ++i)
        dependantCount[i + 1] += dependantCount[i];
    std::vector<std::uint32_t> revNodes(offsets[n]);
    {
        std::vector<std::uint32_t> fill(dependantCount.begin(), dependantCount.end() - 1);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::uint32_t e = offsets[i]; e < offsets[i + 1]; ++e)
                revNodes[fill[target[e]]++] = static_cast<std::uint32_t>(i);
        }
    }

    // Kahn's algorithm in file order: sources first, each node after all it depends on.
    m_nodeOfVertex.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (pending[i] == 0)
            m_nodeOfVertex.push_back(static_cast<std::uint32_t>(i));
    }
    for (std::size_t head = 0; head < m_nodeOfVertex.size(); ++head) {
        const std::uint32_t u = m_nodeOfVertex[head];
        for (std::uint32_t e = dependantCount[u]; e < dependantCount[u + 1]; ++e) {
            if (--pending[revNodes[e]] == 0)
                m_nodeOfVertex.push_back(revNodes[e]);
        }
    }
    if (m_nodeOfVertex.size() != n)
        throw std::invalid_argument("Graph: the model has a cycle");
    m_vertexOfNode.resize(n);
    for (std::uint32_t v = 0; v < n; ++v)
        m_vertexOfNode[m_nodeOfVertex[v]] = v;

    // Forward edges in vertex order, grouped hard → fallback → soft.
    m_depBegin.resize(n + 1);
    m_fallbackBegin.resize(n);
    m_softBegin.resize(n);
    m_need.resize(n);
    m_flags.resize(n);
    m_deps.reserve(offsets[n]);
    m_depBegin[0] = 0;
    for (Vertex v = 0; v < n; ++v) {
        const std::size_t i = m_nodeOfVertex[v];
        const Node &node = model.nodes[i];
        std::uint32_t hardCount = 0;
        for (DepType type : {DepType::Hard, DepType::Fallback, DepType::Soft}) {
            if (type == DepType::Fallback)
                m_fallbackBegin[v] = static_cast<std::uint32_t>(m_deps.size());
            if (type == DepType::Soft)
                m_softBegin[v] = static_cast<std::uint32_t>(m_deps.size());
            for (std::size_t j = 0; j < node.dependsOn.size(); ++j) {
                if (node.dependsOn[j].type == type)
                    m_deps.push_back(m_vertexOfNode[target[offsets[i] + j]]);
            }
            if (type == DepType::Hard)
                hardCount = static_cast<std::uint32_t>(m_deps.size() - m_depBegin[v]);
        }
        m_depBegin[v + 1] = static_cast<std::uint32_t>(m_deps.size());
        switch (node.gate.kind) {
        case GateKind::All:
            m_need[v] = hardCount;
            break;
        case GateKind::Any:
            m_need[v] = 1;
            break;
        case GateKind::AtLeast:
            m_need[v] = static_cast<std::uint32_t>(std::max(node.gate.k, 1));
            break;
        }
        m_flags[v] = static_cast<std::uint8_t>((node.kind == Kind::Countermeasure ? kCountermeasure : 0) |
                                               (node.blockable ? kBlockable : 0));
    }

    // Reverse edges in vertex order; dependants of each vertex come out ascending.
    m_revBegin.assign(n + 1, 0);
    for (Vertex d : m_deps)
        ++m_revBegin[d + 1];
    for (std::size_t v = 0; v < n; ++v)
        m_revBegin[v + 1] += m_revBegin[v];
    m_rev.resize(m_deps.size());
    std::vector<std::uint32_t> fill(m_revBegin.begin(), m_revBegin.end() - 1);
    for (Vertex v = 0; v < n; ++v) {
        for (std::uint32_t e = m_depBegin[v]; e < m_depBegin[v + 1]; ++e)
            m_rev[fill[m_deps[e]]++] = v;
    }
}

std::vector<Vertex> Graph::ancestors(Vertex v) const
{
    std::vector<std::uint8_t> seen(vertexCount(), 0);
    std::vector<Vertex> stack{v}, out;
    seen[v] = 1;
    while (!stack.empty()) {
        const Vertex u = stack.back();
        stack.pop_back();
        out.push_back(u);
        for (Vertex d : dependencies(u)) {
            if (!seen[d]) {
                seen[d] = 1;
                stack.push_back(d);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Vertex> Graph::descendants(std::span<const Vertex> roots) const
{
    std::vector<std::uint8_t> seen(vertexCount(), 0);
    std::vector<Vertex> stack, out;
    for (Vertex r : roots) {
        if (!seen[r]) {
            seen[r] = 1;
            stack.push_back(r);
        }
    }
    while (!stack.empty()) {
        const Vertex u = stack.back();
        stack.pop_back();
        out.push_back(u);
        for (Vertex d : dependants(u)) {
            if (!seen[d]) {
                seen[d] = 1;
                stack.push_back(d);
            }
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace chokepoint
