#include "report/chartdata.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace chokepoint {
namespace {

/// Apps first, then functions, platform, network, helpers: the order people read a diff in.
int layerRank(Kind k)
{
    switch (layerOf(k)) {
    case Layer::App:
        return 0;
    case Layer::Function:
        return 1;
    case Layer::Platform:
        return 2;
    case Layer::Network:
        return 3;
    case Layer::Other:
        return 4;
    }
    return 5;
}

void sortForReading(const Model &model, std::vector<std::uint32_t> &nodes)
{
    std::sort(nodes.begin(), nodes.end(), [&](std::uint32_t a, std::uint32_t b) {
        const Node &x = model.nodes[a];
        const Node &y = model.nodes[b];
        const std::int64_t ux = countsUsers(x.kind) ? x.users : 0;
        const std::int64_t uy = countsUsers(y.kind) ? y.users : 0;
        return std::tuple(layerRank(x.kind), -ux, std::string_view(x.id)) <
               std::tuple(layerRank(y.kind), -uy, std::string_view(y.id));
    });
}

ImpactFigures figuresOf(const Model &model, const Evaluator &ev)
{
    return computeImpact(model, ev, {}).all;
}

} // namespace

std::vector<LayerStates> statesByLayer(const ImpactFigures &figures)
{
    std::vector<LayerStates> rows;
    for (int l = 0; l < kLayerCount; ++l) {
        if (static_cast<Layer>(l) != Layer::Other && figures.byLayer[l].total() > 0)
            rows.push_back(LayerStates{static_cast<Layer>(l), figures.byLayer[l]});
    }
    return rows;
}

AffectedList mostAffected(const Model &model, const Evaluator &evaluator, std::size_t limit)
{
    AffectedList list;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node &n = model.nodes[i];
        const State s = evaluator.stateOfNode(i);
        if (countsUsers(n.kind) && s != State::Ok)
            list.nodes.push_back(AffectedNode{static_cast<std::uint32_t>(i), s, n.users});
    }
    list.total = list.nodes.size();
    auto key = [&](const AffectedNode &a) {
        return std::tuple(-a.users, static_cast<int>(a.state), std::string_view(model.nodes[a.node].id));
    };
    auto less = [&](const AffectedNode &a, const AffectedNode &b) { return key(a) < key(b); };
    if (limit > 0 && list.nodes.size() > limit) {
        std::partial_sort(list.nodes.begin(), list.nodes.begin() + static_cast<std::ptrdiff_t>(limit),
                          list.nodes.end(), less);
        list.nodes.resize(limit);
    } else {
        std::sort(list.nodes.begin(), list.nodes.end(), less);
    }
    return list;
}

std::vector<BlockImpact> topBlocks(const Model &model, const Evaluator &evaluator,
                                   std::span<const std::string> targets, std::size_t top)
{
    RankOptions options;
    options.top = top;
    return rankBlocks(model, evaluator, targets, options);
}

ScenarioComparison compareActions(const Model &model, const Graph &graph, const Actions &a, const Actions &b)
{
    Evaluator evA(graph);
    evA.setActions(model, a);
    Evaluator evB(graph);
    evB.setActions(model, b);
    const ImpactFigures fa = figuresOf(model, evA);
    const ImpactFigures fb = figuresOf(model, evB);
    ScenarioComparison c;
    c.byLayerA = fa.byLayer;
    c.byLayerB = fb.byLayer;
    c.usersLostA = fa.usersLost;
    c.usersLostB = fb.usersLost;
    c.usersDegradedA = fa.usersDegraded;
    c.usersDegradedB = fb.usersDegraded;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const bool failedA = evA.stateOfNode(i) == State::Failed;
        const bool failedB = evB.stateOfNode(i) == State::Failed;
        if (failedA && !failedB)
            c.failsOnlyUnderA.push_back(static_cast<std::uint32_t>(i));
        else if (failedB && !failedA)
            c.failsOnlyUnderB.push_back(static_cast<std::uint32_t>(i));
    }
    sortForReading(model, c.failsOnlyUnderA);
    sortForReading(model, c.failsOnlyUnderB);
    return c;
}

std::vector<TimelinePoint> scenarioTimeline(const Model &model, const Graph &graph, const Scenario &scenario,
                                            const Actions &extra)
{
    std::vector<TimelinePoint> points;
    if (scenario.steps.empty())
        return points;
    Evaluator ev(graph);
    for (std::size_t step = 0; step <= scenario.steps.size(); ++step) {
        Actions actions = scenario.effectiveActions(step);
        actions.insert(actions.end(), extra.begin(), extra.end());
        ev.setActions(model, actions);
        const ImpactFigures f = figuresOf(model, ev);
        TimelinePoint p;
        if (step > 0) {
            p.title = scenario.steps[step - 1].title;
            p.date = scenario.steps[step - 1].date;
        }
        p.actions = actions.size();
        p.functionsLost = f.functions.failed;
        p.appsLost = f.apps.failed;
        p.functionsDegraded = f.functions.degraded;
        p.appsDegraded = f.apps.degraded;
        p.usersLost = f.usersLost;
        p.usersDegraded = f.usersDegraded;
        points.push_back(std::move(p));
    }
    return points;
}

std::vector<Source> citedSources(const Model &model, const Evaluator &evaluator, const Scenario *scenario)
{
    std::vector<Source> out;
    std::set<std::string> seen;
    auto add = [&](const Sources &sources) {
        for (const Source &s : sources) {
            const std::string key = s.url.empty() ? "title:" + s.title : s.url;
            if (seen.insert(key).second)
                out.push_back(s);
        }
    };
    if (scenario)
        add(scenario->sources);
    const Graph &g = evaluator.graph();
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        // A countermeasure nobody switched on is failed by definition; it is not news.
        const bool acted = evaluator.flags(g.vertexOf(i)) != 0;
        const bool hit = evaluator.stateOfNode(i) != State::Ok && model.nodes[i].kind != Kind::Countermeasure;
        if (acted || hit)
            add(model.nodes[i].sources);
    }
    return out;
}

} // namespace chokepoint
