#include "report/tables.h"

#include "io/csv.h"

namespace chokepoint {
namespace {

Json countsJson(const StateCounts &c)
{
    return Json{{"ok", c.ok}, {"degraded", c.degraded}, {"failed", c.failed}};
}

Json figuresJson(const ImpactFigures &f)
{
    Json byLayer = Json::object();
    for (int l = 0; l < kLayerCount; ++l) {
        if (f.byLayer[l].total())
            byLayer[std::string(toString(static_cast<Layer>(l)))] = countsJson(f.byLayer[l]);
    }
    Json byKind = Json::object();
    for (int k = 0; k < kKindCount; ++k) {
        if (f.byKind[k].total())
            byKind[std::string(toString(static_cast<Kind>(k)))] = countsJson(f.byKind[k]);
    }
    Json byCategory = Json::object();
    for (const auto &[category, counts] : f.byCategory)
        byCategory[category] = countsJson(counts);
    return Json{{"byLayer", byLayer},
                {"byKind", byKind},
                {"byCategory", byCategory},
                {"functions", countsJson(f.functions)},
                {"apps", countsJson(f.apps)},
                {"usersLost", f.usersLost},
                {"usersDegraded", f.usersDegraded}};
}

} // namespace

Json expectationJson(const Model &model, const Evaluator &ev, const Expectation &expect)
{
    Json mismatches = Json::array();
    std::size_t checked = 0;
    auto check = [&](const std::vector<std::string> &ids, State wanted) {
        for (const std::string &id : ids) {
            ++checked;
            const auto idx = model.indexOf(id);
            const State got = idx ? ev.stateOfNode(*idx) : State::Failed;
            if (!idx || got != wanted)
                mismatches.push_back(Json{{"node", id},
                                          {"expected", std::string(toString(wanted))},
                                          {"actual", idx ? std::string(toString(got)) : "unknown"}});
        }
    };
    check(expect.failed, State::Failed);
    check(expect.degraded, State::Degraded);
    check(expect.ok, State::Ok);
    return Json{{"checked", checked}, {"holds", mismatches.empty()}, {"mismatches", mismatches}};
}

std::string statesCsv(const Model &model, const Evaluator &evaluator)
{
    std::string out = csvRow({"id", "name", "kind", "layer", "category", "state", "users", "action"});
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node &n = model.nodes[i];
        const std::uint8_t f = evaluator.flags(evaluator.graph().vertexOf(i));
        const char *action = (f & kBlocked)     ? "block"
                             : (f & kThrottled) ? "throttle"
                             : (f & kEnabled)   ? "enable"
                                                : "";
        out += csvRow({n.id, n.name, std::string(toString(n.kind)), std::string(toString(layerOf(n.kind))),
                       n.category, std::string(toString(evaluator.stateOfNode(i))),
                       countsUsers(n.kind) ? std::to_string(n.users) : "", action});
    }
    return out;
}

std::string rankCsv(const Model &model, const std::vector<BlockImpact> &rank)
{
    std::string out =
        csvRow({"rank", "node", "name", "kind", "collateral_users_lost", "collateral_users_degraded",
                "users_lost", "users_degraded", "nodes_failed", "nodes_degraded", "targets_failed"});
    for (std::size_t i = 0; i < rank.size(); ++i) {
        const BlockImpact &b = rank[i];
        const Node &n = model.nodes[b.node];
        out += csvRow({std::to_string(i + 1), n.id, n.name, std::string(toString(n.kind)),
                       std::to_string(b.collateralUsersLost), std::to_string(b.collateralUsersDegraded),
                       std::to_string(b.usersLost), std::to_string(b.usersDegraded),
                       std::to_string(b.nodesFailed), std::to_string(b.nodesDegraded),
                       std::to_string(b.targetsFailed)});
    }
    return out;
}

Json impactJson(const Model &model, const Evaluator &evaluator, const Impact &impact,
                const Scenario *scenario)
{
    Json states = Json::object();
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        states[model.nodes[i].id] = std::string(toString(evaluator.stateOfNode(i)));
    Json summary = figuresJson(impact.all);
    summary["scenario"] = scenario ? Json(scenario->id) : Json(nullptr);
    summary["nodes"] = model.nodes.size();
    summary["blocks"] = impact.blocks;
    summary["throttles"] = impact.throttles;
    summary["enabled"] = impact.enabled;
    summary["targets"] = impact.targets;
    summary["usersNote"] = kUsersNote;
    summary["collateral"] = figuresJson(impact.collateral);
    if (scenario && !scenario->expect.empty())
        summary["expect"] = expectationJson(model, evaluator, scenario->expect);
    return Json{{"states", std::move(states)}, {"summary", std::move(summary)}};
}

} // namespace chokepoint
