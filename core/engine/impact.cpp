#include "engine/impact.h"

namespace chokepoint {
namespace {

void addNode(ImpactFigures &f, const Node &node, State s)
{
    f.byLayer[static_cast<std::size_t>(layerOf(node.kind))].add(s);
    f.byKind[static_cast<std::size_t>(node.kind)].add(s);
    if (!node.category.empty())
        f.byCategory[node.category].add(s);
    if (node.kind == Kind::Function)
        f.functions.add(s);
    else if (node.kind == Kind::App)
        f.apps.add(s);
    if (countsUsers(node.kind)) {
        if (s == State::Failed)
            f.usersLost = addUsers(f.usersLost, node.users);
        else if (s == State::Degraded)
            f.usersDegraded = addUsers(f.usersDegraded, node.users);
    }
}

} // namespace

Impact computeImpact(const Model &model, const Evaluator &evaluator, std::span<const std::string> targets)
{
    const Graph &graph = evaluator.graph();
    Impact impact;
    std::vector<Vertex> roots;
    for (const std::string &id : targets) {
        impact.targets.push_back(id);
        if (auto idx = model.indexOf(id))
            roots.push_back(graph.vertexOf(*idx));
    }
    std::vector<std::uint8_t> excluded(graph.vertexCount(), 0);
    for (Vertex v : graph.descendants(roots))
        excluded[v] = 1;

    const auto flags = evaluator.rawFlags();
    for (Vertex v = 0; v < graph.vertexCount(); ++v) {
        const Node &node = model.nodes[graph.nodeOf(v)];
        const State s = evaluator.state(v);
        addNode(impact.all, node, s);
        if (!excluded[v])
            addNode(impact.collateral, node, s);
        impact.blocks += (flags[v] & kBlocked) != 0;
        impact.throttles += (flags[v] & kThrottled) != 0;
        impact.enabled += (flags[v] & kEnabled) != 0;
    }
    return impact;
}

} // namespace chokepoint
