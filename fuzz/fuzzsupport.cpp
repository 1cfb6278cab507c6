#include "fuzzsupport.h"

#include "engine/cutsets.h"
#include "engine/diagramstore.h"
#include "engine/evaluator.h"
#include "engine/explain.h"
#include "engine/graph.h"
#include "engine/impact.h"
#include "engine/rank.h"
#include "engine/selection.h"
#include "util/problem.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace chokepoint::fuzz {

// --- ByteReader ---

std::size_t ByteReader::below(std::size_t n)
{
    if (n <= 1)
        return 0;
    return static_cast<std::size_t>(bits(n > 256 ? 2 : 1) % n);
}

std::uint64_t ByteReader::bits(int bytes)
{
    std::uint64_t v = 0;
    for (int i = 0; i < bytes && i < 8; ++i)
        v = v << 8 | byte();
    return v;
}

std::string ByteReader::string(std::size_t maxLength)
{
    const std::size_t n = std::min<std::size_t>(byte(), std::min(maxLength, remaining()));
    std::string s(reinterpret_cast<const char *>(m_data.data() + m_pos), n);
    m_pos += n;
    return s;
}

std::string ByteReader::rest()
{
    std::string s(reinterpret_cast<const char *>(m_data.data() + std::min(m_pos, m_data.size())),
                  remaining());
    m_pos = m_data.size();
    return s;
}

// --- extra coverage ---

namespace {

constexpr std::size_t kBuckets = 8;

// libFuzzer reads (and clears before every run) the bytes of this section as coverage counters.
__attribute__((used, section("__libfuzzer_extra_counters"))) std::uint8_t g_counters[kFeatures * kBuckets];

std::size_t bucketOf(std::int64_t v)
{
    if (v < 0)
        return 0;
    if (v < 4)
        return 1 + static_cast<std::size_t>(v);
    return v < 8 ? 5 : v < 16 ? 6 : 7;
}

} // namespace

void signal(std::size_t feature, std::int64_t value)
{
    if (feature < kFeatures)
        g_counters[feature * kBuckets + bucketOf(value)] = 1;
}

// --- files ---

namespace {

/// $TMPDIR/chokepoint-fuzz/<pid>. A crash ends the process without running atexit handlers, so
/// the folders of processes that are gone (fork mode leaves one per crash) are removed here.
std::filesystem::path makeTempDir()
{
    namespace fs = std::filesystem;
    const char *base = std::getenv("TMPDIR");
    const fs::path parent = fs::path(base && *base ? base : "/tmp") / "chokepoint-fuzz";
    std::error_code ec;
    fs::create_directories(parent, ec);
    for (const fs::directory_entry &e : fs::directory_iterator(parent, ec)) {
        const std::string pid = e.path().filename().string();
        if (pid.find_first_not_of("0123456789") == std::string::npos && !fs::exists("/proc/" + pid))
            fs::remove_all(e.path(), ec);
    }
    const fs::path dir = parent / std::to_string(::getpid());
    fs::remove_all(dir, ec);
    if (!fs::create_directory(dir, ec))
        finding("cannot create the temporary folder " + dir.string());
    return dir;
}

void removeTempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(tempDir(), ec);
}

} // namespace

const std::filesystem::path &tempDir()
{
    static const std::filesystem::path dir = [] {
        std::filesystem::path d = makeTempDir();
        std::atexit(removeTempDir);
        return d;
    }();
    return dir;
}

void writeFile(const std::filesystem::path &path, std::string_view bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush())
        finding("cannot write " + path.string());
}

std::string readFile(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in)
        finding("cannot read " + path.string());
    return std::move(buffer).str();
}

bool verbose()
{
    static const bool on = std::getenv("FUZZ_VERBOSE") != nullptr;
    return on;
}

[[noreturn]] void finding(const std::string &what)
{
    std::fprintf(stderr, "==FUZZ FINDING== %s\n", what.c_str());
    std::fflush(stderr);
    std::abort();
}

// --- the small model ---

namespace {

Node makeNode(std::string id, Kind kind, Gate gate, bool blockable, std::int64_t users,
              std::initializer_list<Dependency> deps)
{
    Node n;
    n.id = id;
    n.name = "Node " + id;
    n.kind = kind;
    n.gate = gate;
    n.blockable = blockable;
    n.users = users;
    for (const Dependency &d : deps)
        n.dependsOn.push_back(d);
    return n;
}

} // namespace

Model smallModel()
{
    Model m;
    m.info.id = "fuzz-small";
    m.info.title = "A small model for the fuzzers";
    const Gate all{GateKind::All, 0}, any{GateKind::Any, 0};
    m.nodes = {
        makeNode("net", Kind::Network, all, true, 0, {}),
        makeNode("port-a", Kind::Port, all, true, 0, {}),
        makeNode("port-b", Kind::Port, all, true, 0, {}),
        makeNode("vpn", Kind::Countermeasure, all, false, 0, {}),
        makeNode("svc", Kind::Service, any, true, 0, {{"port-a", DepType::Hard}, {"port-b", DepType::Hard}}),
        makeNode("path", Kind::Gate, Gate{GateKind::AtLeast, 2}, false, 0,
                 {{"net", DepType::Hard}, {"port-a", DepType::Hard}, {"port-b", DepType::Hard}}),
        makeNode("relay", Kind::PlatformService, any, true, 0,
                 {{"path", DepType::Hard}, {"vpn", DepType::Fallback}}),
        makeNode("fn", Kind::Function, all, false, 1000,
                 {{"svc", DepType::Hard}, {"relay", DepType::Hard}, {"net", DepType::Soft}}),
        makeNode("app", Kind::App, all, false, 5000, {{"fn", DepType::Hard}, {"relay", DepType::Soft}}),
    };
    Scenario block;
    block.id = "block-net";
    block.title = "Block the network";
    block.actions = {Action{"net", ActionType::Block, Json::object()}};
    block.targets = {"fn"};
    Scenario steps;
    steps.id = "steps";
    steps.title = "Throttle, then block";
    steps.actions = {Action{"port-a", ActionType::Throttle, Json::object()},
                     Action{"vpn", ActionType::Enable, Json::object()}};
    Step step;
    step.title = "block port b";
    step.actions = {Action{"port-b", ActionType::Block, Json::object()}};
    steps.steps = {step};
    steps.targets = {"app", "relay"};
    m.scenarios = {block, steps};
    m.reindex();
    return m;
}

std::string smallMefText()
{
    return R"(<?xml version="1.0"?>
<opsa-mef>
  <define-fault-tree name="FT">
    <define-gate name="top"><or><gate name="g1"/><gate name="g2"/></or></define-gate>
    <define-gate name="g1"><and><basic-event name="a"/><basic-event name="b"/></and></define-gate>
    <define-gate name="g2"><atleast min="2"><basic-event name="b"/><basic-event name="c"/><house-event name="h"/></atleast></define-gate>
    <define-house-event name="h"><constant value="true"/></define-house-event>
  </define-fault-tree>
</opsa-mef>
)";
}

// --- the engine ---

namespace {

/// The nodes to try cut sets on: the scenario's targets, else the first functions and apps.
std::vector<std::size_t> cutSetTargets(const Model &model, const Selection &selection, std::size_t count)
{
    std::vector<std::size_t> targets;
    for (const std::string &id : selection.targets) {
        if (targets.size() == count)
            return targets;
        if (auto i = model.indexOf(id))
            targets.push_back(*i);
    }
    for (std::size_t i = 0; i < model.nodes.size() && targets.size() < count; ++i) {
        if (countsUsers(model.nodes[i].kind))
            targets.push_back(i);
    }
    return targets;
}

void explainSome(const Model &model, const Evaluator &evaluator, std::size_t count)
{
    ExplainOptions options;
    options.maxRestoreSize = 2;
    options.maxRestoreSets = 4;
    for (std::size_t i = 0; i < model.nodes.size() && count > 0; ++i) {
        if (evaluator.stateOfNode(i) == State::Ok)
            continue;
        --count;
        const Explanation e = explain(model, evaluator, i, options);
        describe(model, e);
    }
}

void cutSetsOf(const Model &model, const Evaluator &evaluator, std::size_t target, const EngineLimits &limits)
{
    CutSetOptions options;
    options.maxSize = limits.cutSetMaxSize;
    options.limit = limits.cutSetLimit;
    options.maxNodes = limits.diagramNodes;
    options.parallel = false;
    try {
        computeCutSets(model, evaluator, target, options);
    } catch (const AnalysisError &) {
        // documented: a diagram past its node budget
    }
}

} // namespace

void exerciseModel(const Model &model, const EngineLimits &limits)
{
    Selection selection;
    try {
        selection = select(model, "");
    } catch (const AnalysisError &) {
        return; // documented: a default scenario whose actions the model cannot take
    }
    const Graph graph(model);
    Evaluator evaluator(graph);
    evaluator.setActions(model, selection.actions);
    computeImpact(model, evaluator, selection.targets);
    if (model.nodes.size() > limits.analysisNodes)
        return;
    explainSome(model, evaluator, limits.explainNodes);
    if (limits.rank) {
        RankOptions options;
        options.top = 5;
        rankBlocks(model, evaluator, selection.targets, options);
    }
    for (std::size_t target : cutSetTargets(model, selection, limits.cutSetTargets))
        cutSetsOf(model, evaluator, target, limits);
}

} // namespace chokepoint::fuzz
