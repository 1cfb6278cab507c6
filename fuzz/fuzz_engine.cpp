// The engine on small random models built in code, with answers checked against each other:
//
//   model      1–64 nodes; node i depends only on nodes after it (acyclic by construction);
//              kinds, gates (all, any, atLeast k), hard/fallback/soft edges, blockable flags and
//              users (up to INT64_MAX) from the input; then a scenario of valid actions and targets.
//   checks     states after setActions() equal those reached one setFlags() at a time, and on
//              one thread or two; every listed cut set fails its target when blocked and is
//              minimal (without any one member the target does not fail); the count covers
//              what is listed.
//   also run   impact, explain (and describe) for every failed or degraded node, rank; the first
//              byte can skip any of them (and the cut sets), so that a finding in one analysis
//              does not hide the others.
//
// Run with -rss_limit_mb: the engine's memory should follow the model, which is tiny here.

#include "engine/cutsets.h"
#include "engine/evaluator.h"
#include "engine/explain.h"
#include "engine/graph.h"
#include "engine/impact.h"
#include "engine/rank.h"
#include "fuzzsupport.h"
#include "model/validate.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace chokepoint;

namespace {

constexpr std::size_t kMaxNodes = 64;

constexpr std::int64_t kUsers[] = {0,
                                   1,
                                   1000,
                                   18'237'440,
                                   std::numeric_limits<std::int32_t>::max(),
                                   std::int64_t{1} << 32,
                                   std::int64_t{1} << 53,
                                   std::numeric_limits<std::int64_t>::max() / 2,
                                   std::numeric_limits<std::int64_t>::max() - 1,
                                   std::numeric_limits<std::int64_t>::max()};

constexpr Kind kKinds[] = {
    Kind::Network, Kind::Port,           Kind::Domain, Kind::Cloud, Kind::Service,         Kind::Function,
    Kind::App,     Kind::Countermeasure, Kind::Gate,   Kind::Cdn,   Kind::PlatformService, Kind::App};

std::string idOf(std::size_t i)
{
    return "n" + std::to_string(i);
}

Node randomNode(fuzz::ByteReader &in, std::size_t i, std::size_t n)
{
    Node node;
    node.id = idOf(i);
    node.name = node.id;
    node.kind = in.pick(kKinds);
    node.blockable = node.kind != Kind::Countermeasure && in.flag();
    const std::uint8_t users = in.byte();
    node.users = users < 200 ? in.pick(kUsers) : static_cast<std::int64_t>(in.bits(8) >> 1);
    // Each later node at most once; fallbacks only under any or atLeast (validate's rule).
    const std::uint8_t gate = in.byte();
    const std::size_t wanted = in.below(5);
    std::vector<bool> used(n, false);
    for (std::size_t k = 0; k < wanted && i + 1 < n; ++k) {
        const std::size_t target = i + 1 + in.below(n - i - 1);
        DepType type = static_cast<DepType>(in.below(3));
        if (used[target])
            continue;
        used[target] = true;
        if (type == DepType::Fallback && gate % 3 == 0)
            type = DepType::Soft;
        node.dependsOn.emplace_back(idOf(target), type);
    }
    int counted = 0;
    for (const Dependency &d : node.dependsOn)
        counted += d.type != DepType::Soft;
    node.gate = gate % 3 == 0 ? Gate{GateKind::All, 0}
                : gate % 3 == 1
                    ? Gate{GateKind::Any, 0}
                    : Gate{GateKind::AtLeast, counted == 0 ? 1 : 1 + static_cast<int>(gate / 3) % counted};
    if (node.gate.kind == GateKind::AtLeast && counted == 0)
        node.gate = Gate{GateKind::All, 0};
    return node;
}

Model randomModel(fuzz::ByteReader &in)
{
    Model model;
    model.info.id = "engine";
    const std::size_t n = 1 + in.below(kMaxNodes);
    for (std::size_t i = 0; i < n; ++i)
        model.nodes.push_back(randomNode(in, i, n));
    Scenario s;
    s.id = "s";
    const std::size_t actions = in.below(8);
    for (std::size_t k = 0; k < actions; ++k) {
        const Node &node = model.nodes[in.below(n)];
        if (node.kind == Kind::Countermeasure)
            s.actions.push_back(Action{node.id, ActionType::Enable, Json::object()});
        else if (node.blockable)
            s.actions.push_back(
                Action{node.id, in.flag() ? ActionType::Throttle : ActionType::Block, Json::object()});
    }
    const std::size_t targets = in.below(4);
    for (std::size_t k = 0; k < targets; ++k)
        s.targets.push_back(model.nodes[in.below(n)].id);
    model.scenarios.push_back(s);
    model.info.defaultScenario = "s";
    model.reindex();
    return model;
}

std::vector<std::uint8_t> states(const Evaluator &e)
{
    return {e.rawStates().begin(), e.rawStates().end()};
}

/// Full recompute, one block at a time, and on two threads must all agree.
void checkEvaluation(const Model &model, const Graph &graph, const Evaluator &full)
{
    Evaluator stepwise(graph);
    stepwise.setActions(model, {});
    const std::vector<std::uint8_t> flags = flagsFor(model, graph, model.scenarios[0].actions);
    for (Vertex v = 0; v < flags.size(); ++v) {
        if (flags[v] != stepwise.flags(v))
            stepwise.setFlags(v, flags[v]);
    }
    if (states(stepwise) != states(full))
        fuzz::finding("incremental evaluation disagrees with the full recompute");
    Evaluator threaded(graph);
    threaded.setActions(model, model.scenarios[0].actions);
    threaded.recomputeAll(2);
    if (states(threaded) != states(full))
        fuzz::finding("evaluation on two threads disagrees with one");
}

/// Whether blocking `set` on top of the scenario fails the target.
bool fails(const Model &model, const Graph &graph, std::span<const std::uint32_t> set, std::size_t target)
{
    Actions actions = model.scenarios[0].actions;
    for (std::uint32_t i : set)
        actions.push_back(Action{model.nodes[i].id, ActionType::Block, Json::object()});
    Evaluator e(graph);
    e.setActions(model, actions);
    return e.stateOfNode(target) == State::Failed;
}

void checkCutSets(const Model &model, const Graph &graph, const Evaluator &evaluator, std::size_t target,
                  fuzz::ByteReader &in)
{
    CutSetOptions options;
    options.maxSize = in.below(5);
    options.limit = 1 + in.below(20);
    options.parallel = false;
    const CutSetResult r = computeCutSets(model, evaluator, target, options);
    if (r.count < r.cutSets.size())
        fuzz::finding("more cut sets listed than counted");
    for (const CutSet &set : r.cutSets) {
        if (!fails(model, graph, set.nodes, target))
            fuzz::finding("a cut set of " + model.nodes[target].id + " does not fail it");
        for (std::size_t k = 0; k < set.nodes.size(); ++k) {
            std::vector<std::uint32_t> smaller = set.nodes;
            smaller.erase(smaller.begin() + static_cast<std::ptrdiff_t>(k));
            if (fails(model, graph, smaller, target))
                fuzz::finding("a cut set of " + model.nodes[target].id + " is not minimal");
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ByteReader in(data, size);
    // Bit k set skips analysis k, so one overflowing sum does not hide the next one.
    const std::uint8_t skip = in.byte();
    const Model model = randomModel(in);
    if (!validate(model).empty())
        return 0; // the generator aims at valid models; the rare miss says nothing about the engine
    const Graph graph(model);
    Evaluator evaluator(graph);
    evaluator.setActions(model, model.scenarios[0].actions);
    checkEvaluation(model, graph, evaluator);

    const std::vector<std::string> &targets = model.scenarios[0].targets;
    if (!(skip & 1))
        computeImpact(model, evaluator, targets);
    for (std::size_t i = 0; i < model.nodes.size() && !(skip & 2); ++i) {
        if (evaluator.stateOfNode(i) != State::Ok)
            describe(model, explain(model, evaluator, i));
    }
    if (!(skip & 4))
        rankBlocks(model, evaluator, targets);
    for (int k = 0; k < 2 && !(skip & 8); ++k)
        checkCutSets(model, graph, evaluator, in.below(model.nodes.size()), in);
    return 0;
}
