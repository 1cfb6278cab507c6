// The plain result structs the charts are drawn from (report/chartdata.h) and the exported tables
// (report/tables.h), on a small model whose figures can be worked out by hand.
#include "engine/graph.h"
#include "io/csv.h"
#include "report/chartdata.h"
#include "report/tables.h"
#include "testutil.h"

#include <gtest/gtest.h>

namespace chokepoint {
namespace {

const char *kNodes = R"json([
  {"id": "port", "name": "Port", "kind": "port", "blockable": true},
  {"id": "relay", "name": "Relay", "kind": "service", "blockable": true},
  {"id": "push", "name": "Push", "kind": "platform-service", "blockable": true, "dependsOn": ["port"],
   "sources": [{"url": "https://example.org/push", "title": "Push docs", "grade": "vendor"}]},
  {"id": "vpn", "name": "VPN", "kind": "countermeasure",
   "sources": [{"url": "https://example.org/vpn", "title": "VPN", "grade": "press"}]},
  {"id": "calls", "name": "Calls", "kind": "function", "users": 1000, "gate": "any",
   "dependsOn": ["relay", {"node": "vpn", "type": "fallback"}]},
  {"id": "chat", "name": "=HYPERLINK(\"x\")", "kind": "app", "users": 3000, "dependsOn": ["push"]},
  {"id": "callapp", "name": "Call app", "kind": "app", "users": 500, "dependsOn": ["push", "calls"]}
])json";

const char *kScenarios = R"([
  {"id": "relay", "title": "Relay blocked", "actions": [{"node": "relay", "action": "block"}],
   "targets": ["calls"], "sources": [{"url": "https://example.org/news", "title": "News", "grade": "press"}]},
  {"id": "steps", "title": "Two steps", "targets": [],
   "steps": [{"title": "Relay", "date": "2025-01", "actions": [{"node": "relay", "action": "block"}]},
             {"title": "Port", "date": "2025-02", "actions": [{"node": "port", "action": "block"}]}]}
])";

class ChartData : public ::testing::Test
{
protected:
    ChartData() : model(test::modelFromNodes(kNodes, kScenarios)), graph(model), ev(graph) {}

    void apply(const Actions &actions) { ev.setActions(model, actions); }
    std::string id(std::uint32_t node) const { return model.nodes[node].id; }

    Model model;
    Graph graph;
    Evaluator ev;
};

Actions block(std::initializer_list<const char *> ids)
{
    Actions a;
    for (const char *id : ids)
        a.push_back(Action{id, ActionType::Block, Json::object()});
    return a;
}

TEST_F(ChartData, StatesByLayerLeaveOutCountermeasures)
{
    apply(block({"relay"}));
    const auto rows = statesByLayer(computeImpact(model, ev, {}).all);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[0].layer, Layer::Network);
    EXPECT_EQ(rows[1].layer, Layer::Platform);
    EXPECT_EQ(rows[1].counts, (StateCounts{1, 0, 1})) << "push ok, relay failed";
    EXPECT_EQ(rows[2].counts, (StateCounts{0, 0, 1})) << "calls failed";
    EXPECT_EQ(rows[3].counts, (StateCounts{1, 0, 1})) << "chat ok, call app failed";
}

TEST_F(ChartData, MostAffectedAreOrderedByUsers)
{
    apply(block({"port"}));
    const AffectedList list = mostAffected(model, ev, 2);
    EXPECT_EQ(list.total, 2u) << "chat and call app fail; calls stays ok";
    ASSERT_EQ(list.nodes.size(), 2u);
    EXPECT_EQ(id(list.nodes[0].node), "chat");
    EXPECT_EQ(list.nodes[0].users, 3000);
    EXPECT_EQ(id(list.nodes[1].node), "callapp");
    EXPECT_EQ(mostAffected(model, ev, 1).nodes.size(), 1u);
}

TEST_F(ChartData, ComparisonListsWhatFailsOnlyUnderOneSide)
{
    const ScenarioComparison c = compareActions(model, graph, block({"relay"}), block({"port"}));
    std::vector<std::string> onlyA, onlyB;
    for (auto n : c.failsOnlyUnderA)
        onlyA.push_back(id(n));
    for (auto n : c.failsOnlyUnderB)
        onlyB.push_back(id(n));
    EXPECT_EQ(onlyA, (std::vector<std::string>{"calls", "relay"})) << "functions before platform";
    EXPECT_EQ(onlyB, (std::vector<std::string>{"chat", "push", "port"})) << "apps, platform, network";
    EXPECT_EQ(c.usersLostA, 1500);
    EXPECT_EQ(c.usersLostB, 3500);
    EXPECT_EQ(c.byLayerA[static_cast<int>(Layer::Function)].failed, 1);
}

TEST_F(ChartData, TimelineAccumulatesSteps)
{
    const auto points = scenarioTimeline(model, graph, *model.scenario("steps"));
    ASSERT_EQ(points.size(), 3u);
    EXPECT_EQ(points[0].usersLost, 0);
    EXPECT_EQ(points[1].title, "Relay");
    EXPECT_EQ(points[1].functionsLost, 1);
    EXPECT_EQ(points[1].appsLost, 1);
    EXPECT_EQ(points[1].usersLost, 1500);
    EXPECT_EQ(points[2].date, "2025-02");
    EXPECT_EQ(points[2].appsLost, 2);
    EXPECT_EQ(points[2].usersLost, 4500);
    EXPECT_TRUE(scenarioTimeline(model, graph, *model.scenario("relay")).empty());
}

TEST_F(ChartData, CitedSourcesSkipCountermeasuresNobodyEnabled)
{
    apply(block({"port"}));
    std::vector<std::string> urls;
    for (const Source &s : citedSources(model, ev, model.scenario("relay")))
        urls.push_back(s.url);
    EXPECT_EQ(urls, (std::vector<std::string>{"https://example.org/news", "https://example.org/push"}));
}

TEST_F(ChartData, StatesCsvIsInertAgainstFormulaInjection)
{
    apply(block({"port"}));
    const std::string csv = statesCsv(model, ev);
    EXPECT_NE(csv.find("chat,\"'=HYPERLINK(\"\"x\"\")\",app,app,,failed,3000,\r\n"), std::string::npos)
        << csv;
    EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.find(",\"=HYPERLINK"), std::string::npos);
    EXPECT_NE(csv.find("port,Port,port,network,,failed,,block\r\n"), std::string::npos);
}

TEST_F(ChartData, RankCsvIsInertAgainstFormulaInjection)
{
    model.nodes[*model.indexOf("relay")].name = "@SUM(A1)"; // names play no part in the ranking
    const auto rank = topBlocks(model, ev, {}, 0);
    const std::string csv = rankCsv(model, rank);
    EXPECT_EQ(csv.rfind("rank,node,name,kind,collateral_users_lost", 0), 0u);
    EXPECT_NE(csv.find(",relay,'@SUM(A1),service,1500,"), std::string::npos) << csv;
    EXPECT_EQ(topBlocks(model, ev, {}, 2).size(), 2u);
}

TEST(Csv, EveryDangerousLeadIsNeutralised)
{
    for (const char *cell : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"})
        EXPECT_EQ(csvCell(cell).find('\''), cell[0] == '\r' ? 1u : 0u) << cell;
    EXPECT_EQ(csvCell("plain"), "plain");
}

TEST_F(ChartData, ImpactJsonHasTheCliShape)
{
    apply(block({"relay"}));
    const Scenario *s = model.scenario("relay");
    const Json j = impactJson(model, ev, computeImpact(model, ev, s->targets), s);
    EXPECT_EQ(j["states"]["calls"], "failed");
    EXPECT_EQ(j["summary"]["scenario"], "relay");
    EXPECT_EQ(j["summary"]["usersLost"], 1500);
    EXPECT_TRUE(j["summary"].contains("usersNote"));
}

} // namespace
} // namespace chokepoint
