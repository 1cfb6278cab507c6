#include "engine/evaluator.h"

#include <algorithm>
#include <functional>

namespace chokepoint {

std::vector<std::uint8_t> flagsFor(const Model &model, const Graph &graph, const Actions &actions)
{
    std::vector<std::uint8_t> flags(graph.vertexCount(), 0);
    for (const Action &a : actions) {
        const auto idx = model.indexOf(a.node);
        if (!idx)
            continue; // validateActions() reports these before evaluation
        std::uint8_t bit = a.type == ActionType::Block ? kBlocked : a.type == ActionType::Throttle ? kThrottled : kEnabled;
        flags[graph.vertexOf(*idx)] |= bit;
    }
    return flags;
}

Evaluator::Evaluator(const Graph &graph)
    : m_graph(graph), m_flags(graph.vertexCount(), 0), m_states(graph.vertexCount(), 2),
      m_queued(graph.vertexCount(), 0)
{
    recomputeAll();
}

void Evaluator::setActions(const Model &model, const Actions &actions)
{
    m_flags = flagsFor(model, m_graph, actions);
    recomputeAll();
}

void Evaluator::recomputeAll()
{
    const std::size_t n = m_graph.vertexCount();
    std::uint8_t *states = m_states.data();
    for (Vertex v = 0; v < n; ++v)
        states[v] = evaluateVertex(m_graph, states, v, capOf(m_flags[v], m_graph.isCountermeasure(v)));
}

std::span<const Vertex> Evaluator::setFlags(Vertex root, std::uint8_t flags)
{
    m_changed.clear();
    m_flags[root] = flags;
    // A min-heap of pending vertices: every vertex pushed depends on one already popped, so it has a
    // larger index, and each is evaluated once, after all its dependencies are final.
    m_heap.clear();
    m_heap.push_back(root);
    m_queued[root] = 1;
    std::uint8_t *states = m_states.data();
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>());
        const Vertex v = m_heap.back();
        m_heap.pop_back();
        m_queued[v] = 0;
        const std::uint8_t next = evaluateVertex(m_graph, states, v, capOf(m_flags[v], m_graph.isCountermeasure(v)));
        if (next == states[v])
            continue;
        states[v] = next;
        m_changed.push_back(v);
        for (Vertex d : m_graph.dependants(v)) {
            if (!m_queued[d]) {
                m_queued[d] = 1;
                m_heap.push_back(d);
                std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>());
            }
        }
    }
    return m_changed;
}

} // namespace chokepoint
