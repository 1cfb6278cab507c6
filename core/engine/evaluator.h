#pragma once

#include "engine/graph.h"

#include <algorithm>
#include <cstdint>
#include <span>
#include <vector>

namespace chokepoint {

/// The actions in force on one vertex, as bits.
enum ActionFlag : std::uint8_t { kBlocked = 1, kThrottled = 2, kEnabled = 4 };

/// The most a vertex can be given its own actions: blocked or a disabled countermeasure → failed,
/// throttled → degraded, otherwise ok (DESIGN.md §3, step 1 and the throttle rule).
inline std::uint8_t capOf(std::uint8_t flags, bool countermeasure)
{
    if ((flags & kBlocked) || (countermeasure && !(flags & kEnabled)))
        return static_cast<std::uint8_t>(State::Failed);
    if (flags & kThrottled)
        return static_cast<std::uint8_t>(State::Degraded);
    return static_cast<std::uint8_t>(State::Ok);
}

/**
 * The state of `v` given the states of its dependencies (DESIGN.md §3). `states` is indexed by
 * vertex and must hold final states for every dependency of `v`; `cap` is capOf(v's flags).
 *
 * One formula serves all three gates: with k = need(v), the gate's value is the k-th largest
 * state of the hard and fallback dependencies (all: k = |hard|; any: k = 1), degraded when fewer
 * than k hard dependencies are ok on their own. With no hard or fallback dependency k is 0 and
 * the value is ok.
 */
inline std::uint8_t evaluateVertex(const Graph &g, const std::uint8_t *states, Vertex v, std::uint8_t cap)
{
    if (cap == 0)
        return 0;
    const Graph::VertexRecord r = g.record(v);
    const std::uint32_t e = g.record(v + 1).begin;
    const Vertex *deps = g.deps();
    if (r.fallbackBegin == r.softBegin && r.need == r.fallbackBegin - r.begin) {
        // The common case, a gate `all` over hard dependencies: the minimum, without branches.
        std::uint8_t hard = 2, soft = 2;
        for (std::uint32_t i = r.begin; i < r.softBegin; ++i)
            hard = std::min(hard, states[deps[i]]);
        for (std::uint32_t i = r.softBegin; i < e; ++i)
            soft = std::min(soft, states[deps[i]]);
        const std::uint8_t softCap = soft == 2 ? 2 : 1;
        return std::min({hard, softCap, cap});
    }
    std::uint32_t okHard = 0, alive = 0;
    for (std::uint32_t i = r.begin; i < r.fallbackBegin; ++i) {
        const std::uint8_t st = states[deps[i]];
        okHard += st == 2;
        alive += st != 0;
    }
    std::uint32_t ok = okHard;
    for (std::uint32_t i = r.fallbackBegin; i < r.softBegin; ++i) {
        const std::uint8_t st = states[deps[i]];
        ok += st == 2;
        alive += st != 0;
    }
    const std::uint32_t k = r.need;
    std::uint8_t result = ok >= k ? (okHard >= k ? 2 : 1) : (alive >= k ? 1 : 0);
    for (std::uint32_t i = r.softBegin; i < e && result == 2; ++i)
        result = states[deps[i]] == 2 ? 2 : 1;
    return std::min(result, cap);
}

/**
 * Holds the actions in force and the resulting state of every vertex, and keeps them current:
 * setActions() recomputes everything in one pass; setFlags() recomputes only what one vertex's
 * change can reach, in topological order, stopping where states do not change.
 */
class Evaluator
{
public:
    explicit Evaluator(const Graph &graph);

    const Graph &graph() const { return m_graph; }

    /// Replaces every action (by node id; the actions must be valid for the model) and recomputes.
    void setActions(const Model &model, const Actions &actions);

    /// Sets the action flags of one vertex and recomputes what depends on it.
    /// Returns the vertices whose state changed (valid until the next call).
    std::span<const Vertex> setFlags(Vertex v, std::uint8_t flags);

    /// Recomputes every vertex from the flags: level by level, on two threads or more when the
    /// graph is large and the machine has the cores (see recomputeAll(threads)).
    void recomputeAll();
    /// The same on exactly `threads` threads (1: on the calling thread only). Each level's
    /// vertices are split between the threads, which meet at the end of every level.
    void recomputeAll(std::size_t threads);

    std::uint8_t flags(Vertex v) const { return m_flags[v]; }
    State state(Vertex v) const { return static_cast<State>(m_states[v]); }
    State stateOfNode(std::size_t nodeIndex) const { return state(m_graph.vertexOf(nodeIndex)); }
    /// States indexed by vertex (0 failed, 1 degraded, 2 ok).
    std::span<const std::uint8_t> rawStates() const { return m_states; }
    std::span<const std::uint8_t> rawFlags() const { return m_flags; }

private:
    void evaluateRange(Vertex begin, Vertex end);

    const Graph &m_graph;
    std::vector<std::uint8_t> m_flags;
    std::vector<std::uint8_t> m_states;
    std::vector<std::uint8_t> m_queued;
    std::vector<Vertex> m_heap;
    std::vector<Vertex> m_changed;
};

/// Action flags per vertex for a list of actions.
std::vector<std::uint8_t> flagsFor(const Model &model, const Graph &graph, const Actions &actions);

} // namespace chokepoint
