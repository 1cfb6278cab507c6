// One test per rule of DESIGN.md §3, each on a small model with its expected states.
#include "engine/evaluator.h"
#include "engine/selection.h"
#include "testutil.h"

#include <gtest/gtest.h>

namespace chokepoint {
namespace {

/// Evaluates `model` under `actions` ("block:x throttle:y enable:z") and returns the state of `id`.
class Eval
{
public:
    explicit Eval(Model m) : model(std::move(m)), graph(model), ev(graph) {}

    State operator()(const std::string &id, const std::vector<std::pair<ActionType, std::string>> &acts = {})
    {
        Actions actions;
        for (const auto &[type, node] : acts)
            actions.push_back(Action{node, type, Json::object()});
        ev.setActions(model, actions);
        return ev.stateOfNode(*model.indexOf(id));
    }

    Model model;
    Graph graph;
    Evaluator ev;
};

constexpr auto B = ActionType::Block;
constexpr auto T = ActionType::Throttle;
constexpr auto E = ActionType::Enable;
constexpr auto OK = State::Ok;
constexpr auto DEG = State::Degraded;
constexpr auto FAIL = State::Failed;

const char *kLeaves = R"({"id": "a", "name": "A", "kind": "port", "blockable": true},
                        {"id": "b", "name": "B", "kind": "port", "blockable": true},
                        {"id": "c", "name": "C", "kind": "port", "blockable": true})";

Model withTop(const std::string &top) { return test::modelFromNodes(std::string("[") + kLeaves + "," + top + "]"); }

TEST(Semantics, BlockedNodeFails)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "blockable": true})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{B, "x"}}), FAIL);
}

TEST(Semantics, NoDependenciesIsOk)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "gate": "any"})"));
    EXPECT_EQ(eval("x"), OK);
}

TEST(Semantics, AllIsTheMinimumOfHardDependencies)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "dependsOn": ["a", "b"]})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{T, "a"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "b"}}), FAIL);
    EXPECT_EQ(eval("x", {{T, "a"}, {B, "b"}}), FAIL);
}

TEST(Semantics, AnyIsTheMaximum)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "gate": "any", "dependsOn": ["a", "b"]})"));
    EXPECT_EQ(eval("x", {{B, "a"}}), OK);
    EXPECT_EQ(eval("x", {{B, "a"}, {T, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "a"}, {B, "b"}}), FAIL);
}

TEST(Semantics, AnyOkOnlyThroughAFallbackIsDegraded)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "gate": "any",
                          "dependsOn": ["a", {"node": "b", "type": "fallback"}]})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{B, "b"}}), OK) << "the hard path alone keeps it ok";
    EXPECT_EQ(eval("x", {{B, "a"}}), DEG) << "ok only through the fallback";
    EXPECT_EQ(eval("x", {{T, "a"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "a"}, {T, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "a"}, {B, "b"}}), FAIL);
}

TEST(Semantics, AtLeastIsTheKthLargest)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "gate": {"atLeast": 2},
                          "dependsOn": ["a", "b", "c"]})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{B, "a"}}), OK);
    EXPECT_EQ(eval("x", {{B, "a"}, {T, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{T, "a"}, {T, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "a"}, {B, "b"}}), FAIL);
}

TEST(Semantics, AtLeastDegradedWhenFewerThanKHardAreOk)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "gate": {"atLeast": 2},
                          "dependsOn": ["a", "b", {"node": "c", "type": "fallback"}]})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{B, "c"}}), OK);
    EXPECT_EQ(eval("x", {{B, "a"}}), DEG) << "two ok, but only one of them hard";
    EXPECT_EQ(eval("x", {{B, "a"}, {B, "c"}}), FAIL);
}

TEST(Semantics, SoftDependencyDegradesButNeverFails)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service",
                          "dependsOn": ["a", {"node": "b", "type": "soft"}]})"));
    EXPECT_EQ(eval("x"), OK);
    EXPECT_EQ(eval("x", {{B, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{T, "b"}}), DEG);
    EXPECT_EQ(eval("x", {{B, "a"}}), FAIL);
}

TEST(Semantics, SoftOnlyNodeIsOkOrDegraded)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service",
                          "dependsOn": [{"node": "a", "type": "soft"}, {"node": "b", "type": "soft"}]})"));
    EXPECT_EQ(eval("x", {{B, "a"}, {B, "b"}}), DEG);
}

TEST(Semantics, ThrottleCapsAtDegradedAndNeverFails)
{
    Eval eval(withTop(R"({"id": "x", "name": "X", "kind": "service", "blockable": true, "dependsOn": ["a"]})"));
    EXPECT_EQ(eval("x", {{T, "x"}}), DEG);
    EXPECT_EQ(eval("x", {{T, "x"}, {B, "a"}}), FAIL) << "failed by its dependency, not by the throttle";
    EXPECT_EQ(eval("x", {{T, "x"}, {B, "x"}}), FAIL) << "a block wins over a throttle";
}

TEST(Semantics, CountermeasureIsOffUnlessEnabled)
{
    Eval eval(withTop(R"({"id": "vpn", "name": "VPN", "kind": "countermeasure", "blockable": true, "dependsOn": ["c"]},
                         {"id": "x", "name": "X", "kind": "service", "gate": "any",
                          "dependsOn": ["a", {"node": "vpn", "type": "fallback"}]})"));
    EXPECT_EQ(eval("vpn"), FAIL);
    EXPECT_EQ(eval("x", {{B, "a"}}), FAIL);
    EXPECT_EQ(eval("x", {{B, "a"}, {E, "vpn"}}), DEG) << "working through the VPN only";
    EXPECT_EQ(eval("vpn", {{E, "vpn"}}), OK);
    EXPECT_EQ(eval("x", {{B, "a"}, {E, "vpn"}, {B, "c"}}), FAIL) << "the VPN's own dependency is blocked";
    EXPECT_EQ(eval("x", {{B, "a"}, {E, "vpn"}, {B, "vpn"}}), FAIL) << "a blocked countermeasure fails";
}

TEST(Semantics, FailurePropagatesThroughLayers)
{
    Eval eval(withTop(R"({"id": "p", "name": "P", "kind": "platform-service", "dependsOn": ["a"]},
                         {"id": "f", "name": "F", "kind": "function", "dependsOn": ["p"]},
                         {"id": "app", "name": "App", "kind": "app", "dependsOn": ["f", {"node": "b", "type": "soft"}]})"));
    EXPECT_EQ(eval("app", {{B, "a"}}), FAIL);
    EXPECT_EQ(eval("app", {{T, "a"}}), DEG);
    EXPECT_EQ(eval("app", {{B, "b"}}), DEG);
}

TEST(Semantics, IncrementalToggleMatchesFullRecompute)
{
    Eval eval(withTop(R"({"id": "p", "name": "P", "kind": "platform-service", "gate": "any",
                          "dependsOn": ["a", {"node": "b", "type": "fallback"}]},
                         {"id": "f", "name": "F", "kind": "function", "dependsOn": ["p", {"node": "c", "type": "soft"}]})"));
    Evaluator inc(eval.graph);
    const Vertex a = eval.graph.vertexOf(*eval.model.indexOf("a"));
    const Vertex b = eval.graph.vertexOf(*eval.model.indexOf("b"));
    auto changed = inc.setFlags(a, kBlocked);
    EXPECT_FALSE(changed.empty());
    EXPECT_EQ(inc.stateOfNode(*eval.model.indexOf("f")), DEG);
    inc.setFlags(b, kBlocked);
    EXPECT_EQ(inc.stateOfNode(*eval.model.indexOf("f")), FAIL);
    eval("f", {{B, "a"}, {B, "b"}});
    for (std::size_t i = 0; i < eval.model.nodes.size(); ++i)
        EXPECT_EQ(inc.stateOfNode(i), eval.ev.stateOfNode(i)) << eval.model.nodes[i].id;
    inc.setFlags(a, 0);
    inc.setFlags(b, 0);
    for (std::size_t i = 0; i < eval.model.nodes.size(); ++i)
        EXPECT_EQ(inc.stateOfNode(i), OK) << eval.model.nodes[i].id;
}

TEST(Semantics, ScenarioStepsAccumulate)
{
    Model m = test::modelFromNodes(std::string("[") + kLeaves + "]",
                                   R"([{"id": "s", "actions": [{"node": "a", "action": "block"}],
                                        "steps": [{"title": "1", "actions": [{"node": "b", "action": "block"}]},
                                                  {"title": "2", "actions": [{"node": "c", "action": "throttle"}]}]}])");
    EXPECT_EQ(select(m, "s").actions.size(), 3u);
    EXPECT_EQ(select(m, "s", {}, 1).actions.size(), 2u);
    EXPECT_EQ(select(m, "s", {}, 0).actions.size(), 1u);
    EXPECT_THROW(select(m, "nope"), AnalysisError);
    EXPECT_THROW(select(m, "", {Action{"zzz", ActionType::Block, Json::object()}}), AnalysisError);
}

} // namespace
} // namespace chokepoint
