// Every validation rule of DESIGN.md §3 is rejected with a message that names the node.
#include "testutil.h"

#include <gtest/gtest.h>

namespace chokepoint {
namespace {

/// The message of the InputError that loading `nodes` throws, or "" when it loads.
std::string problemWith(const std::string &nodes, const std::string &scenarios = "[]")
{
    try {
        test::modelFromNodes(nodes, scenarios);
    } catch (const InputError &e) {
        return e.what();
    }
    return "";
}

TEST(Validation, UnknownDependencyNamesNodeAndTarget)
{
    const auto msg = problemWith(R"([{"id": "x", "name": "X", "kind": "app", "dependsOn": ["ghost"]}])");
    EXPECT_NE(msg.find("node 'x'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("unknown node 'ghost'"), std::string::npos) << msg;
}

TEST(Validation, DuplicateId)
{
    const auto msg = problemWith(R"([{"id": "x", "name": "X", "kind": "app"}, {"id": "x", "name": "Y", "kind": "app"}])");
    EXPECT_NE(msg.find("node 'x': duplicate id"), std::string::npos) << msg;
}

TEST(Validation, CycleIsNamed)
{
    const auto msg = problemWith(R"([{"id": "a", "name": "A", "kind": "app", "dependsOn": ["b"]},
                                     {"id": "b", "name": "B", "kind": "app", "dependsOn": ["c"]},
                                     {"id": "c", "name": "C", "kind": "app", "dependsOn": ["a"]}])");
    EXPECT_NE(msg.find("cycle"), std::string::npos) << msg;
    EXPECT_NE(msg.find("a -> b -> c -> a"), std::string::npos) << msg;
}

TEST(Validation, SelfLoopIsACycle)
{
    const auto msg = problemWith(R"([{"id": "a", "name": "A", "kind": "app", "dependsOn": ["a"]}])");
    EXPECT_NE(msg.find("cycle"), std::string::npos) << msg;
}

TEST(Validation, FallbackUnderAll)
{
    const auto msg = problemWith(R"([{"id": "a", "name": "A", "kind": "port"},
                                     {"id": "x", "name": "X", "kind": "app", "dependsOn": [{"node": "a", "type": "fallback"}]}])");
    EXPECT_NE(msg.find("node 'x'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("fallback"), std::string::npos) << msg;
}

TEST(Validation, AtLeastOutOfRange)
{
    for (const char *k : {"0", "3", "-1"}) {
        const auto msg = problemWith(std::string(R"([{"id": "a", "name": "A", "kind": "port"}, {"id": "b", "name": "B", "kind": "port"},
                                         {"id": "x", "name": "X", "kind": "app", "gate": {"atLeast": )") + k +
                                     R"(}, "dependsOn": ["a", "b"]}])");
        EXPECT_NE(msg.find("node 'x'"), std::string::npos) << k << ": " << msg;
        EXPECT_NE(msg.find("out of range"), std::string::npos) << k << ": " << msg;
    }
}

TEST(Validation, BadIdForm)
{
    const auto msg = problemWith(R"([{"id": "-bad", "name": "A", "kind": "port"}])");
    EXPECT_NE(msg.find("node '-bad'"), std::string::npos) << msg;
}

TEST(Validation, UnknownKindGateAndType)
{
    EXPECT_NE(problemWith(R"([{"id": "a", "name": "A", "kind": "router"}])").find("kind \"router\""), std::string::npos);
    EXPECT_NE(problemWith(R"([{"id": "a", "name": "A", "kind": "app", "gate": "most"}])").find("node 'a': gate"),
              std::string::npos);
    EXPECT_NE(problemWith(R"([{"id": "b", "name": "B", "kind": "port"},
                              {"id": "a", "name": "A", "kind": "app", "dependsOn": [{"node": "b", "type": "weak"}]}])")
                  .find("\"weak\""),
              std::string::npos);
}

TEST(Validation, DuplicateEdge)
{
    const auto msg = problemWith(R"([{"id": "b", "name": "B", "kind": "port"},
                                     {"id": "a", "name": "A", "kind": "app", "dependsOn": ["b", "b"]}])");
    EXPECT_NE(msg.find("more than once"), std::string::npos) << msg;
}

TEST(Validation, ScenarioActionsAreChecked)
{
    const char *nodes = R"([{"id": "p", "name": "P", "kind": "port", "blockable": true},
                            {"id": "s", "name": "S", "kind": "service"}])";
    EXPECT_NE(problemWith(nodes, R"([{"id": "sc", "actions": [{"node": "s", "action": "block"}]}])")
                  .find("scenario 'sc'"),
              std::string::npos);
    EXPECT_NE(problemWith(nodes, R"([{"id": "sc", "actions": [{"node": "p", "action": "enable"}]}])")
                  .find("not a countermeasure"),
              std::string::npos);
    EXPECT_NE(problemWith(nodes, R"([{"id": "sc", "actions": [], "targets": ["nope"]}])").find("unknown node 'nope'"),
              std::string::npos);
    EXPECT_EQ(problemWith(nodes, R"([{"id": "sc", "actions": [{"node": "p", "action": "block"}]}])"), "");
}

TEST(Validation, AllProblemsAreReportedAtOnce)
{
    try {
        test::modelFromNodes(R"([{"id": "x", "name": "X", "kind": "app", "dependsOn": ["g1", "g2"]}])");
        FAIL() << "expected an error";
    } catch (const InputError &e) {
        EXPECT_EQ(e.problems().size(), 2u);
        EXPECT_EQ(e.problems()[0].file, "test.json");
        EXPECT_EQ(e.problems()[0].node, "x");
    }
}

} // namespace
} // namespace chokepoint
