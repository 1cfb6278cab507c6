#include "engine/evaluator.h"

#include "util/parallel.h"

#include <algorithm>
#include <barrier>
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
    // Below this a pass takes well under a millisecond, and starting a thread is not worth it.
    constexpr std::size_t kVerticesPerThread = 250'000;
    recomputeAll(threadsFor(m_graph.vertexCount(), kVerticesPerThread));
}

void Evaluator::recomputeAll(std::size_t threads)
{
    const std::span<const Vertex> levels = m_graph.levelBegin();
    if (threads <= 1 || levels.size() < 2) {
        evaluateRange(0, static_cast<Vertex>(m_graph.vertexCount()));
        return;
    }
    // A level too small to share is done by thread 0 alone; the others still wait for it.
    constexpr Vertex kMinShare = 4096;
    std::barrier levelDone(static_cast<std::ptrdiff_t>(threads));
    runTasks(threads, true, [&](std::size_t t) {
        for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
            const Vertex begin = levels[l], end = levels[l + 1];
            if (end - begin < kMinShare * threads) {
                if (t == 0)
                    evaluateRange(begin, end);
            } else {
                const std::uint64_t size = end - begin;
                evaluateRange(static_cast<Vertex>(begin + size * t / threads),
                              static_cast<Vertex>(begin + size * (t + 1) / threads));
            }
            levelDone.arrive_and_wait();
        }
    });
}

void Evaluator::evaluateRange(Vertex begin, Vertex end)
{
    std::uint8_t *states = m_states.data();
    const std::uint8_t *flags = m_flags.data();
    for (Vertex v = begin; v < end; ++v)
        states[v] = evaluateVertex(m_graph, states, v, capOf(flags[v], m_graph.isCountermeasure(v)));
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
