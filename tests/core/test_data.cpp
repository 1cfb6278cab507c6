// The shipped models: they validate, every node and edge carries a graded source, every
// scenario's documented outcome holds under the engine, and the stories they tell are true.
#include "engine/evaluator.h"
#include "engine/selection.h"
#include "io/jsonformat.h"

#include <gtest/gtest.h>

#include <set>

namespace chokepoint {
namespace {

class ShippedModel : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override { model = readJsonModel(std::string(CHOKEPOINT_DATA_DIR) + "/" + GetParam()); }

    /// The state of `id` under `scenario` (or none) plus extra blocks.
    State stateOf(const std::string &id, const std::string &scenario, const std::vector<std::string> &blocks = {})
    {
        Actions extra;
        for (const auto &b : blocks)
            extra.push_back(Action{b, ActionType::Block, Json::object()});
        const Selection sel = select(model, scenario.empty() ? "none" : scenario, extra);
        Graph graph(model);
        Evaluator ev(graph);
        ev.setActions(model, sel.actions);
        return ev.stateOfNode(*model.indexOf(id));
    }

    Model model;
};

TEST_P(ShippedModel, EveryNodeAndEdgeHasAGradedSource)
{
    for (const Node &n : model.nodes) {
        EXPECT_FALSE(n.sources.empty()) << n.id;
        EXPECT_NE(n.confidence, Confidence::Unset) << n.id;
        for (const Source &s : n.sources)
            EXPECT_FALSE(s.url.empty()) << n.id;
        for (const Dependency &d : n.dependsOn) {
            ASSERT_TRUE(d.evidence()) << n.id << " -> " << d.node;
            EXPECT_FALSE(d.evidence()->sources.empty()) << n.id << " -> " << d.node;
            EXPECT_NE(d.evidence()->confidence, Confidence::Unset) << n.id << " -> " << d.node;
        }
    }
}

TEST_P(ShippedModel, NoTwoNodesShareAName)
{
    std::set<std::string> names;
    for (const Node &n : model.nodes)
        EXPECT_TRUE(names.insert(n.name).second) << n.name;
}

TEST_P(ShippedModel, EveryScenarioMatchesItsDocumentedOutcome)
{
    Graph graph(model);
    Evaluator ev(graph);
    for (const Scenario &s : model.scenarios) {
        ev.setActions(model, s.effectiveActions());
        auto check = [&](const std::vector<std::string> &ids, State wanted) {
            for (const std::string &id : ids)
                EXPECT_EQ(ev.stateOfNode(*model.indexOf(id)), wanted) << s.id << ": " << id;
        };
        check(s.expect.failed, State::Failed);
        check(s.expect.degraded, State::Degraded);
        check(s.expect.ok, State::Ok);
    }
}

TEST_P(ShippedModel, FaceTimeBlockSparesIMessageAndPush)
{
    EXPECT_EQ(stateOf("facetime", "facetime-2025"), State::Failed);
    EXPECT_EQ(stateOf("imessage", "facetime-2025"), State::Ok);
    EXPECT_EQ(stateOf("apns", "facetime-2025"), State::Ok);
}

TEST_P(ShippedModel, BlockingPort5223LeavesAPNsWorkingThroughPort443)
{
    EXPECT_EQ(stateOf("apns", "port-5223-blocked"), State::Degraded);
    EXPECT_EQ(stateOf("imessage", "port-5223-blocked"), State::Degraded);
}

TEST_P(ShippedModel, BlockingAPNsFailsIMessageAndEveryAppsPush)
{
    EXPECT_EQ(stateOf("imessage", "", {"apns"}), State::Failed);
    EXPECT_EQ(stateOf("push-third-party", "", {"apns"}), State::Failed);
    for (const Node &n : model.nodes) {
        const bool isPush = n.id.size() > 5 && n.id.compare(n.id.size() - 5, 5, "-push") == 0;
        if (isPush) {
            EXPECT_EQ(stateOf(n.id, "", {"apns"}), State::Failed) << n.id;
        }
    }
}

TEST_P(ShippedModel, BlockingICloudDegradesIMessageButNotItsText)
{
    EXPECT_EQ(stateOf("imessage", "", {"icloud"}), State::Degraded);
    EXPECT_EQ(stateOf("imessage-text", "", {"icloud"}), State::Ok);
}

INSTANTIATE_TEST_SUITE_P(Data, ShippedModel, ::testing::Values("starter.json", "iphone-russia.json"),
                         [](const auto &param) {
                             std::string name = param.param;
                             return name.substr(0, name.find('.')) == "starter" ? std::string("Starter")
                                                                                : std::string("IphoneRussia");
                         });

TEST(ShippedModelSize, RussiaModelCoversWhatIssueThreeAsks)
{
    const Model m = readJsonModel(std::string(CHOKEPOINT_DATA_DIR) + "/iphone-russia.json");
    EXPECT_GE(m.nodes.size(), 150u);
    EXPECT_GE(m.scenarios.size(), 10u);
    std::size_t apps = 0;
    for (const Node &n : m.nodes) {
        apps += n.kind == Kind::App;
        EXPECT_TRUE(n.i18n.contains("ru")) << n.id << " has no Russian name";
    }
    EXPECT_GE(apps, 40u);
}

} // namespace
} // namespace chokepoint
