// The JSON interchange format: lossless round trips, unknown fields kept, bad input rejected cleanly.
#include "io/jsonformat.h"
#include "testutil.h"

#include <gtest/gtest.h>

namespace chokepoint {
namespace {

const char *kRich = R"({
  "format": "chokepoint", "version": 1,
  "model": {"id": "m", "title": "Rich", "description": "d", "sources": [{"url": "https://a", "title": "A", "date": "2025-12-04", "grade": "press", "archived": "x"}], "curator": "kept"},
  "nodes": [
    {"id": "p", "name": "Port", "kind": "port", "blockable": true, "sources": [{"url": "https://v", "grade": "vendor"}], "confidence": "high"},
    {"id": "q", "name": "Other port", "kind": "port", "blockable": true},
    {"id": "s", "name": "Service", "kind": "platform-service", "gate": "any",
     "dependsOn": ["p", {"node": "q", "type": "fallback", "note": "n", "date": "2024", "confidence": "low", "sources": [{"url": "https://e", "grade": "inference"}], "weight": 3}],
     "owner": "Apple", "category": "apple-core", "tags": ["t1", "t2"], "i18n": {"ru": {"name": "Сервис"}}, "colour": "red"},
    {"id": "k", "name": "K of n", "kind": "gate", "gate": {"atLeast": 1}, "dependsOn": [{"node": "s", "type": "hard"}]},
    {"id": "f", "name": "Function", "kind": "function", "users": 1234567, "dependsOn": ["k", {"node": "p", "type": "soft"}], "description": "line1\nline2 \"quoted\""}
  ],
  "scenarios": [
    {"id": "sc", "title": "T", "date": "2025-12-04", "description": "D", "actions": [{"node": "p", "action": "block"}],
     "targets": ["s"], "steps": [{"title": "st", "date": "2025-12", "notes": "say this", "actions": [{"node": "q", "action": "throttle"}], "extraStep": 1}],
     "expect": {"failed": [], "degraded": ["s"], "ok": ["q"]}, "sources": [{"url": "https://x", "grade": "measurement"}], "i18n": {"ru": {"title": "Т"}}, "x": [1, 2]}
  ],
  "comment": "top-level unknown field"
})";

TEST(JsonFormat, RoundTripIsByteStable)
{
    const Model m = parseJsonModel(kRich, "rich.json");
    const std::string once = toJsonText(m);
    const Model again = parseJsonModel(once, "once.json");
    EXPECT_EQ(m, again);
    EXPECT_EQ(once, toJsonText(again));
}

TEST(JsonFormat, AnEmptyI18nObjectIsTheSameAsNone)
{
    // An empty object is not written back, so reading it must give what reading nothing gives.
    const Model empty = test::modelFromNodes(R"([{"id": "a", "name": "A", "kind": "service", "i18n": {}},
                                                  {"id": "b", "name": "B", "kind": "service", "i18n": {"ru": {}}}])");
    const Model none = test::modelFromNodes(R"([{"id": "a", "name": "A", "kind": "service"},
                                                 {"id": "b", "name": "B", "kind": "service", "i18n": {"ru": {}}}])");
    EXPECT_EQ(empty, none);
    EXPECT_EQ(parseJsonModel(toJsonText(empty)), empty);
    EXPECT_EQ(empty.nodes[0].displayName("ru"), "A");
    EXPECT_EQ(empty.nodes[1].displayName("ru"), "B");
}

TEST(JsonFormat, UnknownFieldsAreKept)
{
    const std::string text = toJsonText(parseJsonModel(kRich));
    for (const char *kept : {"\"curator\"", "\"archived\"", "\"weight\"", "\"colour\"", "\"extraStep\"", "\"comment\"",
                             "\"x\": ["})
        EXPECT_NE(text.find(kept), std::string::npos) << kept;
}

TEST(JsonFormat, FieldsAreRead)
{
    const Model m = parseJsonModel(kRich);
    const Node &s = *m.node("s");
    EXPECT_EQ(s.gate.kind, GateKind::Any);
    ASSERT_EQ(s.dependsOn.size(), 2u);
    EXPECT_FALSE(s.dependsOn[0].hasEvidence());
    EXPECT_EQ(s.dependsOn[1].type, DepType::Fallback);
    ASSERT_TRUE(s.dependsOn[1].evidence());
    EXPECT_EQ(s.dependsOn[1].evidence()->confidence, Confidence::Low);
    EXPECT_EQ(s.displayName("ru"), "Сервис");
    EXPECT_EQ(s.displayName("de"), "Service");
    EXPECT_EQ(m.node("f")->users, 1234567);
    EXPECT_EQ(m.node("k")->gate.k, 1);
    EXPECT_EQ(m.scenarios[0].steps[0].notes, "say this");
}

std::string errorOf(const std::string &text)
{
    try {
        parseJsonModel(text, "bad.json");
    } catch (const InputError &e) {
        return e.what();
    }
    return "";
}

TEST(JsonFormat, BadInputIsRejectedWithFileAndPlace)
{
    EXPECT_NE(errorOf("").find("bad.json: the file is empty"), std::string::npos);
    EXPECT_NE(errorOf("  \n ").find("empty"), std::string::npos);
    const auto notJson = errorOf("{\n\"format\": \"chokepoint\",\n oops }");
    EXPECT_NE(notJson.find("bad.json:3:"), std::string::npos) << notJson;
    EXPECT_NE(errorOf("[1, 2]").find("top level is not a JSON object"), std::string::npos);
    EXPECT_NE(errorOf(R"({"format": "other", "version": 1, "nodes": []})").find("\"format\""), std::string::npos);
    EXPECT_NE(errorOf(R"({"format": "chokepoint", "version": 9, "nodes": []})").find("newer"), std::string::npos);
    EXPECT_NE(errorOf(R"({"format": "chokepoint", "version": 1, "nodes": {"a": 1}})").find("\"nodes\" must be a list"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"format": "chokepoint", "version": 1, "nodes": [{"id": "a", "name": 5, "kind": "app"}]})")
                  .find("node 'a': field \"name\" must be a string"),
              std::string::npos);
    EXPECT_NE(errorOf(R"({"format": "chokepoint", "version": 1, "nodes": [{"name": "x", "kind": "app"}]})")
                  .find("node '#1'"),
              std::string::npos);
}

TEST(JsonFormat, DeepNestingIsRejectedWithoutCrashing)
{
    const std::string deep = R"({"format": "chokepoint", "version": 1, "nodes": [{"id": "a", "kind": "app", "x": )" +
                             std::string(200000, '[') + std::string(200000, ']') + "}]}";
    EXPECT_NE(errorOf(deep).find("nested more than"), std::string::npos);
}

TEST(JsonFormat, HugeStringIsRejectedByName)
{
    const std::string huge = R"({"format": "chokepoint", "version": 1, "model": {"id": "m", "title": "t"}, "nodes": [{"id": "a", "kind": "app", "name": ")" +
                             std::string(50u << 20, 'x') + R"("}], "scenarios": []})";
    const auto msg = errorOf(huge);
    EXPECT_NE(msg.find("node 'a': name is longer than 1 MiB"), std::string::npos) << msg.substr(0, 200);
}

TEST(JsonFormat, InvalidUtf8IsRejected)
{
    EXPECT_NE(errorOf("{\"format\": \"chokepoint\", \"version\": 1, \"nodes\": [{\"id\": \"a\", \"kind\": \"app\", \"name\": \"\xff\"}]}")
                  .find("not valid JSON"),
              std::string::npos);
}

TEST(JsonFormat, ReadingAMissingFileNamesIt)
{
    try {
        readJsonModel("/nonexistent/dir/model.json");
        FAIL();
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/model.json"), std::string::npos);
    }
}

} // namespace
} // namespace chokepoint
