// chokepoint-cli, run in-process: the JSON shapes of DESIGN.md §5, exit codes, and bad input that
// never crashes and never changes the input file.
#include "commands.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace chokepoint {
namespace {

struct Result
{
    int code;
    std::string out;
    std::string err;
    Json json() const { return Json::parse(out); }
};

Result cli(std::vector<std::string> args)
{
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

std::string slurp(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

void spit(const std::filesystem::path &p, const std::string &text)
{
    std::ofstream(p, std::ios::binary) << text;
}

const char *kModel = R"({"format": "chokepoint", "version": 1, "model": {"id": "m", "title": "M"},
  "nodes": [
    {"id": "tcp-5223", "name": "TCP 5223", "kind": "port", "blockable": true},
    {"id": "tcp-443", "name": "TCP 443", "kind": "port", "blockable": true},
    {"id": "relay", "name": "Relay", "kind": "service", "blockable": true},
    {"id": "vpn", "name": "VPN", "kind": "countermeasure"},
    {"id": "push", "name": "Push", "kind": "platform-service", "gate": "any", "blockable": true,
     "dependsOn": ["tcp-5223", {"node": "tcp-443", "type": "fallback"}]},
    {"id": "calls", "name": "Calls", "kind": "function", "users": 1000, "gate": "any",
     "dependsOn": [{"node": "relay", "type": "hard"}, {"node": "vpn", "type": "fallback"}]},
    {"id": "callapp", "name": "Call app", "kind": "app", "users": 500, "dependsOn": ["push", "calls"]},
    {"id": "chat", "name": "Chat", "kind": "app", "users": 2000, "dependsOn": ["push"]}
  ],
  "scenarios": [
    {"id": "relay-blocked", "title": "Relay blocked", "actions": [{"node": "relay", "action": "block"}],
     "targets": ["calls"], "expect": {"failed": ["calls", "callapp"], "ok": ["chat"]}}
  ]})";

class Cli : public ::testing::Test
{
protected:
    void SetUp() override { spit(model, kModel); }
    test::TempDir dir;
    std::string model = dir.path("m.json").string();
};

TEST_F(Cli, ImpactJsonShape)
{
    auto r = cli({"impact", model, "--scenario", "relay-blocked", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = r.json();
    ASSERT_TRUE(j.contains("states") && j.contains("summary"));
    EXPECT_EQ(j["states"]["calls"], "failed");
    EXPECT_EQ(j["states"]["callapp"], "failed");
    EXPECT_EQ(j["states"]["chat"], "ok");
    EXPECT_EQ(j["states"]["vpn"], "failed");
    const Json &s = j["summary"];
    EXPECT_EQ(s["usersLost"], 1500);
    EXPECT_EQ(s["byLayer"]["app"]["failed"], 1);
    EXPECT_EQ(s["blocks"], 1);
    EXPECT_EQ(s["collateral"]["usersLost"], 0) << "the call app depends on the target";
    EXPECT_EQ(s["expect"]["holds"], true);
    EXPECT_EQ(s["scenario"], "relay-blocked");
}

TEST_F(Cli, ExtraActionsOnTopOfAScenario)
{
    auto r = cli({"impact", model, "--scenario", "relay-blocked", "--enable", "vpn", "--block", "tcp-5223",
                  "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = r.json();
    EXPECT_EQ(j["states"]["calls"], "degraded");
    EXPECT_EQ(j["states"]["push"], "degraded");
    EXPECT_EQ(j["states"]["chat"], "degraded");
}

TEST_F(Cli, ImpactCsvHasAHeaderAndOneRowPerNode)
{
    auto r = cli({"impact", model, "--format", "csv"});
    ASSERT_EQ(r.code, 0);
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 9);
    EXPECT_EQ(r.out.rfind("id,name,kind,layer,category,state,users,action", 0), 0u);
}

TEST_F(Cli, ImpactText)
{
    auto r = cli({"impact", model, "--scenario", "relay-blocked"});
    ASSERT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("Failed:"), std::string::npos);
    EXPECT_NE(r.out.find("Documented outcome: matches"), std::string::npos) << r.out;
}

TEST_F(Cli, ExplainNamesCauseAndRestore)
{
    auto r = cli({"explain", model, "callapp", "--scenario", "relay-blocked", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = r.json();
    EXPECT_EQ(j["state"], "failed");
    ASSERT_EQ(j["causes"].size(), 2u) << j.dump(2);
    std::set<std::string> causes;
    for (const Json &c : j["causes"])
        causes.insert(c["node"]);
    EXPECT_TRUE(causes.count("relay") && causes.count("vpn"));
    EXPECT_EQ(j["causes"][0]["path"].back(), "callapp");
    ASSERT_EQ(j["restore"].size(), 1u);
    EXPECT_EQ(j["restore"][0][0]["node"], "relay");
    EXPECT_EQ(j["enableToRestore"][0], "vpn");
}

TEST_F(Cli, ExplainOfAnOkNode)
{
    auto r = cli({"explain", model, "chat"});
    ASSERT_EQ(r.code, 0);
    EXPECT_NE(r.out.find("is ok"), std::string::npos);
}

TEST_F(Cli, ValidateJson)
{
    auto r = cli({"validate", model, "--format", "json"});
    ASSERT_EQ(r.code, 0);
    EXPECT_EQ(r.json()["valid"], true);
    EXPECT_EQ(r.json()["nodes"], 8);
}

TEST_F(Cli, UsageErrorsExitTwo)
{
    EXPECT_EQ(cli({}).code, 2);
    EXPECT_EQ(cli({"frobnicate", model}).code, 2);
    EXPECT_EQ(cli({"impact"}).code, 2);
    EXPECT_EQ(cli({"impact", model, "--format", "xml"}).code, 2);
    EXPECT_EQ(cli({"impact", model, "--scenario", "nope"}).code, 2);
    EXPECT_EQ(cli({"impact", model, "--block", "chat"}).code, 2) << "not blockable";
    EXPECT_EQ(cli({"impact", model, "--enable", "relay"}).code, 2) << "not a countermeasure";
    EXPECT_EQ(cli({"impact", model, "--bogus"}).code, 2);
    EXPECT_EQ(cli({"generate", "--apps", "10"}).code, 2);
    EXPECT_EQ(cli({"--help"}).code, 0);
}

TEST_F(Cli, NegativeAndMalformedNumbersAreUsageErrors)
{
    // Boost reads "-1" into an unsigned option as 18446744073709551615: no bound at all.
    for (const char *option : {"--max-size", "--limit"}) {
        for (const char *value : {"-1", "2x", "", "1e3", "18446744073709551616"}) {
            const Result r = cli({"cutsets", model, "--target", "chat", option, value});
            EXPECT_EQ(r.code, 2) << option << " " << value;
            EXPECT_NE(r.err.find(option), std::string::npos) << r.err;
        }
    }
    EXPECT_EQ(cli({"impact", model, "--step", "-1"}).code, 2);
    EXPECT_EQ(cli({"rank", model, "--top", "-3"}).code, 2);
    EXPECT_EQ(cli({"generate", "--apps", "-5", "--out", "x.chokepoint"}).code, 2);
    EXPECT_EQ(cli({"cutsets", model, "--target", "chat", "--max-size", "2", "--limit", "0"}).code, 0);
}

TEST_F(Cli, BoostPlaceholdersInArgumentsEndInAUsageError)
{
    // Boost's messages replace %value% and its kin until none is left: these never finished.
    for (const std::vector<std::string> &args :
         {std::vector<std::string>{"--%canonical_option%"},
          {"cutsets", model, "--target", "chat", "--max-size", "%value%"},
          {"impact", model, "--scenario", "%option%"}}) {
        const Result r = cli(args);
        EXPECT_EQ(r.code, 2) << args.back();
        EXPECT_NE(r.err.find("which options cannot take"), std::string::npos) << r.err;
    }
}

TEST_F(Cli, UnknownNodeForExplainIsAnAnalysisFailure)
{
    EXPECT_EQ(cli({"explain", model, "ghost"}).code, 1);
}

/// Each bad file: exit 3, a message naming the file, and the file's bytes unchanged.
TEST_F(Cli, BadInputExitsThreeAndLeavesTheFileAlone)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"empty.json", ""},
        {"notjson.json", "this is not json"},
        {"shape.json", R"({"format": "chokepoint", "version": 1, "nodes": 7})"},
        {"unknown.json", R"({"format": "chokepoint", "version": 1, "nodes": [{"id": "a", "name": "A", "kind": "app", "dependsOn": ["zz"]}]})"},
        {"cycle.json", R"({"format": "chokepoint", "version": 1, "nodes": [{"id": "a", "name": "A", "kind": "app", "dependsOn": ["b"]}, {"id": "b", "name": "B", "kind": "app", "dependsOn": ["a"]}]})"},
        {"notsqlite.chokepoint", "plain text, not a database"},
        {"unknown.ext", "{}"},
    };
    for (const auto &[name, text] : cases) {
        const auto path = dir.path(name);
        spit(path, text);
        for (const char *command : {"validate", "impact"}) {
            auto r = cli({command, path.string()});
            EXPECT_EQ(r.code, 3) << name << " " << command << ": " << r.err;
            EXPECT_NE(r.err.find(path.string()) == std::string::npos ? r.out.find(path.string()) : 0, std::string::npos)
                << name << ": the message names the file:\n"
                << r.err << r.out;
        }
        EXPECT_EQ(slurp(path), text) << name << " was changed";
    }
    EXPECT_EQ(cli({"impact", dir.path("missing.json").string()}).code, 3);
}

TEST_F(Cli, ConvertRoundTripsThroughADocument)
{
    const auto doc = dir.path("m.chokepoint").string();
    const auto back = dir.path("back.json").string();
    const auto canonical = dir.path("canonical.json").string();
    ASSERT_EQ(cli({"convert", model, canonical}).code, 0);
    ASSERT_EQ(cli({"convert", model, doc}).code, 0);
    auto r = cli({"convert", doc, back});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(slurp(back), slurp(canonical));
    EXPECT_EQ(cli({"convert", model, dir.path("x.txt").string()}).code, 2);
}

TEST_F(Cli, GenerateMakesAValidModelOfTheAskedSize)
{
    const auto out = dir.path("gen.json").string();
    ASSERT_EQ(cli({"generate", "--apps", "200", "--seed", "7", "--out", out}).code, 0);
    auto r = cli({"validate", out, "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.out << r.err;
    const Json j = r.json();
    EXPECT_GT(j["nodes"].get<int>(), 200 + 300);
    const auto again = dir.path("gen2.json").string();
    ASSERT_EQ(cli({"generate", "--apps", "200", "--seed", "7", "--out", again}).code, 0);
    EXPECT_EQ(slurp(out), slurp(again)) << "same seed, same model";
}

TEST_F(Cli, BenchPrintsTheFigures)
{
    const auto out = dir.path("gen.chokepoint").string();
    ASSERT_EQ(cli({"generate", "--apps", "500", "--out", out}).code, 0);
    auto r = cli({"bench", out, "--toggles", "50"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = r.json();
    for (const char *key : {"nodes", "edges", "load_ms", "full_ms", "ns_per_edge", "toggle_median_us", "toggle_p99_us",
                            "peak_rss_mb"})
        EXPECT_TRUE(j.contains(key)) << key;
    EXPECT_GT(j["edges"].get<int>(), 1500);
}

} // namespace
} // namespace chokepoint
