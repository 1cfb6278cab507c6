// Cut sets and the single-block ranking: the engine against a brute-force enumeration written here
// from DESIGN.md §3 alone (every subset of the candidate blocks, evaluated), the Aralia fault trees
// against their reference counts, and the command line's answers to bad input.
#include "commands.h"
#include "engine/cutsets.h"
#include "engine/evaluator.h"
#include "engine/rank.h"
#include "engine/selection.h"
#include "io/modelfile.h"
#include "model/validate.h"
#include "testutil.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <tuple>
#include <sstream>

namespace chokepoint {
namespace {

// ---------------------------------------------------------------------------------------------
// Random models

struct Case
{
    Model model;
    Actions actions;
    std::size_t target = 0;
    std::vector<std::string> protect;
    std::size_t maxSize = 0;
};

Kind randomKind(std::mt19937 &rng)
{
    const int roll = static_cast<int>(rng() % 20);
    if (roll < 3)
        return Kind::Countermeasure;
    if (roll < 7)
        return Kind::Function;
    if (roll < 10)
        return Kind::App;
    if (roll < 12)
        return Kind::Gate;
    return roll < 16 ? Kind::Service : Kind::Port;
}

Node randomNode(std::mt19937 &rng, std::size_t i, const std::vector<Node> &earlier)
{
    Node n;
    // Ids whose order differs from the node order, so that ordering by id is really tested.
    n.id = std::string(1, static_cast<char>('a' + rng() % 26)) + std::to_string(i);
    n.name = n.id;
    n.kind = randomKind(rng);
    n.blockable = rng() % 10 < (n.kind == Kind::Countermeasure ? 4u : 7u);
    if (countsUsers(n.kind))
        n.users = static_cast<std::int64_t>(rng() % 4) * 100;
    std::vector<std::size_t> pool(earlier.size());
    for (std::size_t j = 0; j < pool.size(); ++j)
        pool[j] = j;
    std::shuffle(pool.begin(), pool.end(), rng);
    const std::size_t deps = std::min<std::size_t>(pool.size(), rng() % 5);
    std::size_t live = 0;
    bool fallback = false;
    for (std::size_t j = 0; j < deps; ++j) {
        const unsigned roll = rng() % 10;
        const DepType type = roll < 6 ? DepType::Hard : roll < 8 ? DepType::Fallback : DepType::Soft;
        n.dependsOn.emplace_back(earlier[pool[j]].id, type);
        live += type != DepType::Soft;
        fallback = fallback || type == DepType::Fallback;
    }
    const unsigned g = live == 0 ? 0 : rng() % 3;
    if (g == 0)
        n.gate = Gate{fallback ? GateKind::Any : GateKind::All, 0}; // no fallback under `all`
    else if (g == 1)
        n.gate = Gate{GateKind::Any, 0};
    else
        n.gate = Gate{GateKind::AtLeast, 1 + static_cast<int>(rng() % live)};
    return n;
}

/// A valid random model with at most `maxCandidates` blockable, unblocked nodes, or nullopt.
std::optional<Case> randomCase(std::mt19937 &rng, std::size_t maxCandidates)
{
    Case c;
    const std::size_t n = 2 + rng() % 13;
    for (std::size_t i = 0; i < n; ++i)
        c.model.nodes.push_back(randomNode(rng, i, c.model.nodes));
    c.model.reindex();
    if (!validate(c.model).empty())
        return std::nullopt;
    std::size_t candidates = 0;
    for (const Node &node : c.model.nodes) {
        if (node.blockable && rng() % 7 == 0)
            c.actions.push_back(Action{node.id, ActionType::Block, Json::object()});
        else
            candidates += node.blockable;
        if (node.blockable && rng() % 8 == 0)
            c.actions.push_back(Action{node.id, ActionType::Throttle, Json::object()});
        if (node.kind == Kind::Countermeasure && rng() % 2)
            c.actions.push_back(Action{node.id, ActionType::Enable, Json::object()});
    }
    if (candidates > maxCandidates)
        return std::nullopt;
    c.target = rng() % n;
    if (rng() % 5 < 2) {
        for (std::size_t k = 0, count = 1 + rng() % 2; k < count; ++k) {
            const std::size_t p = rng() % n;
            if (p != c.target)
                c.protect.push_back(c.model.nodes[p].id);
        }
    }
    if (rng() % 10 < 3)
        c.maxSize = 1 + rng() % 3;
    return c;
}

std::string describe(const Case &c)
{
    std::ostringstream o;
    o << "target " << c.model.nodes[c.target].id << ", max size " << c.maxSize << ", protect";
    for (const auto &p : c.protect)
        o << " " << p;
    o << "\nactions:";
    for (const Action &a : c.actions)
        o << " " << toString(a.type) << ":" << a.node;
    o << "\nnodes:";
    for (const Node &n : c.model.nodes) {
        o << "\n  " << n.id << " " << toString(n.kind) << (n.blockable ? " blockable" : "") << " gate "
          << static_cast<int>(n.gate.kind) << "/" << n.gate.k << " users " << n.users << " deps";
        for (const Dependency &d : n.dependsOn)
            o << " " << d.node << ":" << toString(d.type);
    }
    return o.str();
}

// ---------------------------------------------------------------------------------------------
// Brute force, from the definitions: every subset of the candidates, evaluated by a reference
// evaluator written here from DESIGN.md §3 alone (no Graph, no Evaluator: the engine's own
// propagation is not trusted either).

/// Every node's state under `actions`, by recursion over the model's fields (§3, rules 1 to 3).
std::vector<State> referenceStates(const Model &m, const Actions &actions)
{
    std::map<std::string, std::set<ActionType>> acts;
    for (const Action &a : actions)
        acts[a.node].insert(a.type);
    // 0 failed, 1 degraded, 2 ok; -1 not yet known.
    std::vector<int> memo(m.nodes.size(), -1);
    std::function<int(std::size_t)> state = [&](std::size_t i) -> int {
        if (memo[i] >= 0)
            return memo[i];
        const Node &n = m.nodes[i];
        const std::set<ActionType> &a = acts[n.id];
        int g = 2;
        if (a.count(ActionType::Block) || (n.kind == Kind::Countermeasure && !a.count(ActionType::Enable))) {
            g = 0;
        } else {
            std::vector<int> hard, fallback, soft;
            for (const Dependency &d : n.dependsOn) {
                const int s = state(*m.indexOf(d.node));
                (d.type == DepType::Hard ? hard : d.type == DepType::Fallback ? fallback : soft).push_back(s);
            }
            std::vector<int> live = hard;
            live.insert(live.end(), fallback.begin(), fallback.end());
            std::sort(live.rbegin(), live.rend());
            const auto okHard = std::count(hard.begin(), hard.end(), 2);
            if (live.empty()) {
                g = 2;
            } else if (n.gate.kind == GateKind::All) {
                g = *std::min_element(hard.begin(), hard.end());
            } else if (n.gate.kind == GateKind::Any) {
                g = live.front();
                if (g == 2 && okHard == 0)
                    g = 1;
            } else {
                const auto k = static_cast<std::size_t>(n.gate.k);
                g = live[k - 1];
                if (g == 2 && okHard < static_cast<long>(k))
                    g = 1;
            }
            for (int s : soft)
                g = s != 2 ? std::min(g, 1) : g;
            if (a.count(ActionType::Throttle))
                g = std::min(g, 1);
        }
        return memo[i] = g;
    };
    std::vector<State> out;
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        out.push_back(static_cast<State>(state(i)));
    return out;
}

TEST(ReferenceEvaluator, AgreesWithTheEngineOnRandomModels)
{
    // The reference is only worth trusting if it and the engine's evaluator were written apart and
    // still agree; a disagreement points at one of them.
    std::mt19937 rng(4242);
    for (int checked = 0; checked < 2000;) {
        const std::optional<Case> c = randomCase(rng, 14);
        if (!c)
            continue;
        ++checked;
        Graph graph(c->model);
        Evaluator ev(graph);
        ev.setActions(c->model, c->actions);
        const std::vector<State> expected = referenceStates(c->model, c->actions);
        for (std::size_t i = 0; i < c->model.nodes.size(); ++i)
            ASSERT_EQ(ev.stateOfNode(i), expected[i]) << c->model.nodes[i].id << "\n" << describe(*c);
    }
}

struct Listed
{
    std::vector<std::string> ids;
    std::int64_t collateral = 0;
    friend bool operator==(const Listed &, const Listed &) = default;
};

std::ostream &operator<<(std::ostream &o, const Listed &l)
{
    o << "{";
    for (const auto &id : l.ids)
        o << id << " ";
    return o << "| " << l.collateral << "}";
}

struct Expected
{
    std::vector<std::uint64_t> bySize;
    std::vector<Listed> sets; ///< by size, collateral, ids
};

/// The nodes that are `target` or depend on it directly or not, found from the model's edges.
std::set<std::string> dependingOn(const Model &model, const std::string &target)
{
    std::set<std::string> out{target};
    for (bool grew = true; grew;) {
        grew = false;
        for (const Node &n : model.nodes) {
            if (out.count(n.id))
                continue;
            for (const Dependency &d : n.dependsOn) {
                if (out.count(d.node)) {
                    out.insert(n.id);
                    grew = true;
                    break;
                }
            }
        }
    }
    return out;
}

Expected bruteForce(const Case &c)
{
    const Model &m = c.model;
    auto statesWith = [&](std::uint32_t mask, const std::vector<std::size_t> &cands) {
        Actions actions = c.actions;
        for (std::size_t i = 0; i < cands.size(); ++i) {
            if (mask >> i & 1)
                actions.push_back(Action{m.nodes[cands[i]].id, ActionType::Block, Json::object()});
        }
        return referenceStates(m, actions);
    };
    std::vector<std::size_t> cands;
    for (std::size_t i = 0; i < m.nodes.size(); ++i) {
        const bool blocked = std::any_of(c.actions.begin(), c.actions.end(), [&](const Action &a) {
            return a.node == m.nodes[i].id && a.type == ActionType::Block;
        });
        if (m.nodes[i].blockable && !blocked)
            cands.push_back(i);
    }
    const std::uint32_t subsets = 1u << cands.size();
    std::vector<std::vector<State>> states(subsets);
    std::vector<char> cut(subsets);
    for (std::uint32_t mask = 0; mask < subsets; ++mask) {
        states[mask] = statesWith(mask, cands);
        cut[mask] = states[mask][c.target] == State::Failed;
    }
    const std::set<std::string> cone = dependingOn(m, m.nodes[c.target].id);
    Expected e;
    for (std::uint32_t mask = 0; mask < subsets; ++mask) {
        if (!cut[mask])
            continue;
        bool minimal = true;
        for (std::size_t i = 0; i < cands.size(); ++i) {
            if ((mask >> i & 1) && cut[mask & ~(1u << i)])
                minimal = false;
            EXPECT_TRUE(cut[mask | (1u << i)]) << "more blocks never help";
        }
        const auto size = static_cast<std::size_t>(__builtin_popcount(mask));
        if (!minimal || (c.maxSize && size > c.maxSize))
            continue;
        bool kept = true;
        for (const std::string &p : c.protect)
            kept = kept && states[mask][*m.indexOf(p)] == states[0][*m.indexOf(p)];
        if (!kept)
            continue;
        Listed l;
        for (std::size_t i = 0; i < cands.size(); ++i) {
            if (mask >> i & 1)
                l.ids.push_back(m.nodes[cands[i]].id);
        }
        std::sort(l.ids.begin(), l.ids.end());
        for (std::size_t i = 0; i < m.nodes.size(); ++i) {
            const Node &n = m.nodes[i];
            if (countsUsers(n.kind) && !cone.count(n.id) && states[mask][i] == State::Failed &&
                states[0][i] != State::Failed)
                l.collateral += n.users;
        }
        if (e.bySize.size() <= size)
            e.bySize.resize(size + 1, 0);
        ++e.bySize[size];
        e.sets.push_back(l);
    }
    std::sort(e.sets.begin(), e.sets.end(), [](const Listed &a, const Listed &b) {
        return std::make_tuple(a.ids.size(), a.collateral, a.ids) < std::make_tuple(b.ids.size(), b.collateral, b.ids);
    });
    return e;
}

struct Engine
{
    CutSetResult result;
    std::vector<Listed> sets;
};

Engine engine(const Case &c, std::size_t limit)
{
    Graph graph(c.model);
    Evaluator ev(graph);
    ev.setActions(c.model, c.actions);
    CutSetOptions options;
    options.maxSize = c.maxSize;
    options.limit = limit;
    options.protect = c.protect;
    options.parallel = false;
    Engine e;
    e.result = computeCutSets(c.model, ev, c.target, options);
    for (const CutSet &s : e.result.cutSets) {
        Listed l;
        for (std::uint32_t n : s.nodes)
            l.ids.push_back(c.model.nodes[n].id);
        l.collateral = s.collateralUsers;
        e.sets.push_back(l);
    }
    return e;
}

/// How many cases use each ingredient the issue names, so that a change to the generator cannot
/// quietly stop testing one.
struct Features
{
    std::map<std::string, int> seen;
    void add(const Case &c)
    {
        std::set<std::string> here;
        for (const Node &n : c.model.nodes) {
            for (const Dependency &d : n.dependsOn)
                here.insert(std::string("dep:") + std::string(toString(d.type)));
            const std::size_t live = static_cast<std::size_t>(std::count_if(
                n.dependsOn.begin(), n.dependsOn.end(), [](const Dependency &d) { return d.type != DepType::Soft; }));
            if (live >= 2)
                here.insert(n.gate.kind == GateKind::All   ? "gate:all"
                            : n.gate.kind == GateKind::Any ? "gate:any"
                            : n.gate.k > 1 && static_cast<std::size_t>(n.gate.k) < live ? "gate:atLeast(1<k<n)"
                                                                                         : "gate:atLeast(k=1|n)");
            if (n.kind == Kind::Countermeasure)
                here.insert("countermeasure");
        }
        for (const Action &a : c.actions) {
            if (a.type == ActionType::Enable)
                here.insert("countermeasure enabled");
            else
                here.insert(std::string("existing ") + std::string(toString(a.type)));
        }
        if (!c.protect.empty())
            here.insert("protect");
        if (c.maxSize)
            here.insert("max size");
        for (const std::string &f : here)
            ++seen[f];
    }
    void expectEach(int atLeast) const
    {
        for (const char *f : {"dep:hard", "dep:fallback", "dep:soft", "gate:all", "gate:any", "gate:atLeast(1<k<n)",
                              "countermeasure", "countermeasure enabled", "existing block", "existing throttle",
                              "protect", "max size"}) {
            const auto it = seen.find(f);
            EXPECT_GE(it == seen.end() ? 0 : it->second, atLeast) << f;
        }
    }
};

TEST(CutSetsProperty, EqualBruteForceOnRandomModels)
{
    std::mt19937 rng(20240601);
    int checked = 0, nonEmpty = 0, protectedCases = 0, bounded = 0;
    Features features;
    while (checked < 3000) {
        const std::optional<Case> c = randomCase(rng, 10);
        if (!c)
            continue;
        ++checked;
        const Expected expected = bruteForce(*c);
        const Engine all = engine(*c, 1'000'000);
        std::uint64_t count = 0;
        for (std::uint64_t n : expected.bySize)
            count += n;
        ASSERT_EQ(all.result.count, count) << describe(*c);
        ASSERT_EQ(all.result.bySize, expected.bySize) << describe(*c);
        ASSERT_EQ(all.sets, expected.sets) << describe(*c);
        ASSERT_FALSE(all.result.truncated);
        // A cut listing is the prefix of the full one, and says it was cut.
        const Engine few = engine(*c, 2);
        ASSERT_EQ(few.result.count, count);
        ASSERT_EQ(few.sets, std::vector<Listed>(expected.sets.begin(),
                                                expected.sets.begin() + std::min<std::size_t>(2, count)))
            << describe(*c);
        ASSERT_EQ(few.result.truncated, count > 2);
        nonEmpty += count > 0;
        protectedCases += !c->protect.empty();
        bounded += c->maxSize != 0;
        if (count > 0)
            features.add(*c);
    }
    // The generator must exercise what it claims to, on cases with cut sets to compare.
    EXPECT_GT(nonEmpty, 1500);
    EXPECT_GT(protectedCases, 600);
    EXPECT_GT(bounded, 500);
    features.expectEach(150);
}

TEST(CutSetsProperty, CountOnlyMatchesListing)
{
    std::mt19937 rng(7);
    for (int checked = 0; checked < 300;) {
        const std::optional<Case> c = randomCase(rng, 9);
        if (!c)
            continue;
        ++checked;
        const Engine counted = engine(*c, 0);
        const Engine listed = engine(*c, 1'000'000);
        EXPECT_EQ(counted.result.count, listed.result.count);
        EXPECT_EQ(counted.result.bySize, listed.result.bySize);
        EXPECT_TRUE(counted.sets.empty());
        EXPECT_EQ(counted.result.truncated, listed.result.count > 0);
    }
}

// ---------------------------------------------------------------------------------------------
// Rank against brute force.

TEST(RankProperty, EqualBruteForceOnRandomModels)
{
    std::mt19937 rng(99);
    for (int checked = 0; checked < 1000;) {
        std::optional<Case> c = randomCase(rng, 12);
        if (!c)
            continue;
        ++checked;
        const Model &m = c->model;
        std::vector<std::string> targets;
        if (rng() % 2)
            targets.push_back(m.nodes[c->target].id);
        if (rng() % 4 == 0)
            targets.push_back(m.nodes[rng() % m.nodes.size()].id);
        Graph graph(m);
        Evaluator ev(graph);
        ev.setActions(m, c->actions);
        const std::vector<BlockImpact> rank = rankBlocks(m, ev, targets);

        std::set<std::string> excluded;
        for (const std::string &t : targets)
            excluded.merge(dependingOn(m, t));
        const std::vector<State> before = referenceStates(m, c->actions);
        std::vector<BlockImpact> expected;
        for (std::size_t b = 0; b < m.nodes.size(); ++b) {
            const bool blocked = std::any_of(c->actions.begin(), c->actions.end(), [&](const Action &a) {
                return a.node == m.nodes[b].id && a.type == ActionType::Block;
            });
            if (!m.nodes[b].blockable || blocked)
                continue;
            Actions actions = c->actions;
            actions.push_back(Action{m.nodes[b].id, ActionType::Block, Json::object()});
            const std::vector<State> after = referenceStates(m, actions);
            BlockImpact e;
            e.node = static_cast<std::uint32_t>(b);
            for (std::size_t i = 0; i < m.nodes.size(); ++i) {
                const bool users = countsUsers(m.nodes[i].kind);
                const bool outside = !excluded.count(m.nodes[i].id);
                if (before[i] != State::Failed && after[i] == State::Failed) {
                    ++e.nodesFailed;
                    e.targetsFailed += std::count(targets.begin(), targets.end(), m.nodes[i].id) > 0;
                    e.usersLost += users ? m.nodes[i].users : 0;
                    e.collateralUsersLost += users && outside ? m.nodes[i].users : 0;
                } else if (before[i] == State::Ok && after[i] == State::Degraded) {
                    ++e.nodesDegraded;
                    e.usersDegraded += users ? m.nodes[i].users : 0;
                    e.collateralUsersDegraded += users && outside ? m.nodes[i].users : 0;
                }
            }
            expected.push_back(e);
        }
        // DESIGN.md §3: by collateral users lost; the engine breaks ties by users lost, nodes
        // failed, then id.
        std::sort(expected.begin(), expected.end(), [&](const BlockImpact &a, const BlockImpact &b) {
            return std::make_tuple(-a.collateralUsersLost, -a.usersLost, -static_cast<long>(a.nodesFailed),
                                   m.nodes[a.node].id) <
                   std::make_tuple(-b.collateralUsersLost, -b.usersLost, -static_cast<long>(b.nodesFailed),
                                   m.nodes[b.node].id);
        });
        auto fields = [&](const BlockImpact &b) {
            return std::make_tuple(m.nodes[b.node].id, b.usersLost, b.usersDegraded, b.collateralUsersLost,
                                   b.collateralUsersDegraded, b.nodesFailed, b.nodesDegraded, b.targetsFailed);
        };
        ASSERT_EQ(rank.size(), expected.size()) << describe(*c);
        for (std::size_t i = 0; i < rank.size(); ++i)
            ASSERT_EQ(fields(rank[i]), fields(expected[i])) << "row " << i << "\n" << describe(*c);
        // --top N is the first N rows.
        RankOptions top;
        top.top = 1 + rng() % 3;
        const std::vector<BlockImpact> head = rankBlocks(m, ev, targets, top);
        ASSERT_EQ(head.size(), std::min(top.top, expected.size()));
        for (std::size_t i = 0; i < head.size(); ++i)
            ASSERT_EQ(fields(head[i]), fields(expected[i]));
    }
}

// ---------------------------------------------------------------------------------------------
// Hand-made cases.

Model teachingModel()
{
    return test::modelFromNodes(R"([
      {"id": "port", "name": "Port", "kind": "port", "blockable": true},
      {"id": "alt", "name": "Alt port", "kind": "port", "blockable": true},
      {"id": "ids", "name": "IDS", "kind": "platform-service", "blockable": true},
      {"id": "vpn", "name": "VPN", "kind": "countermeasure", "blockable": true},
      {"id": "push", "name": "Push", "kind": "platform-service", "gate": "any",
       "dependsOn": ["port", {"node": "alt", "type": "fallback"}, {"node": "vpn", "type": "fallback"}]},
      {"id": "chat", "name": "Chat", "kind": "function", "users": 100, "dependsOn": ["push", "ids"]},
      {"id": "bank", "name": "Bank", "kind": "app", "users": 40, "dependsOn": ["push"]},
      {"id": "maps", "name": "Maps", "kind": "app", "users": 7, "dependsOn": [{"node": "ids", "type": "soft"}]}
    ])");
}

std::vector<std::vector<std::string>> idsOf(const Model &m, const CutSetResult &r)
{
    std::vector<std::vector<std::string>> out;
    for (const CutSet &s : r.cutSets) {
        out.emplace_back();
        for (std::uint32_t n : s.nodes)
            out.back().push_back(m.nodes[n].id);
    }
    return out;
}

TEST(CutSets, CountermeasuresOffAreNoAlternative)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    const CutSetResult r = computeCutSets(m, ev, *m.indexOf("chat"));
    // The VPN is off, so push falls with port and alt together; IDS alone fails chat.
    EXPECT_EQ(idsOf(m, r), (std::vector<std::vector<std::string>>{{"ids"}, {"alt", "port"}}));
    EXPECT_EQ(r.cutSets[1].collateralUsers, 40) << "the bank app loses its push";
    EXPECT_EQ(r.cutSets[0].collateralUsers, 0) << "maps only degrades";
}

TEST(CutSets, EnabledCountermeasureIsALiveAlternative)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    ev.setActions(m, {Action{"vpn", ActionType::Enable, Json::object()}});
    const CutSetResult r = computeCutSets(m, ev, *m.indexOf("chat"));
    EXPECT_EQ(idsOf(m, r), (std::vector<std::vector<std::string>>{{"ids"}, {"alt", "port", "vpn"}}));
}

TEST(CutSets, ProtectKeepsOnlySurgicalSets)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    CutSetOptions options;
    options.protect = {"bank"};
    CutSetResult r = computeCutSets(m, ev, *m.indexOf("chat"), options);
    EXPECT_EQ(idsOf(m, r), (std::vector<std::vector<std::string>>{{"ids"}}));
    // Maps is ok and would only degrade without IDS, but protection means keeping it ok.
    options.protect = {"maps"};
    r = computeCutSets(m, ev, *m.indexOf("chat"), options);
    EXPECT_EQ(idsOf(m, r), (std::vector<std::vector<std::string>>{{"alt", "port"}}));
}

TEST(CutSets, AlreadyFailedTargetHasTheEmptySet)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    ev.setActions(m, {Action{"ids", ActionType::Block, Json::object()}});
    const CutSetResult r = computeCutSets(m, ev, *m.indexOf("chat"));
    EXPECT_EQ(r.count, 1u);
    EXPECT_EQ(r.bySize, std::vector<std::uint64_t>{1});
    ASSERT_EQ(r.cutSets.size(), 1u);
    EXPECT_TRUE(r.cutSets[0].nodes.empty());
}

TEST(CutSets, UnreachableTargetCountsZero)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    const CutSetResult r = computeCutSets(m, ev, *m.indexOf("vpn"));
    EXPECT_EQ(r.count, 1u) << "the VPN is off, so failed already: the empty set";
    const Model n = test::modelFromNodes(R"([{"id": "a", "name": "A", "kind": "service"},
                                              {"id": "b", "name": "B", "kind": "app", "dependsOn": ["a"]}])");
    Graph g2(n);
    Evaluator ev2(g2);
    const CutSetResult r2 = computeCutSets(n, ev2, *n.indexOf("b"));
    EXPECT_EQ(r2.count, 0u);
    EXPECT_FALSE(r2.reachable);
}

TEST(CutSets, ProgressAndCancel)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    std::stop_source stop;
    CutSetOptions options;
    int calls = 0;
    options.progress = [&](std::string_view, double) {
        ++calls;
        stop.request_stop();
    };
    options.stop = stop.get_token();
    EXPECT_THROW(computeCutSets(m, ev, *m.indexOf("chat"), options), Cancelled);
    EXPECT_EQ(calls, 1);
}

TEST(CutSets, BadProtectIsAnError)
{
    const Model m = teachingModel();
    Graph graph(m);
    Evaluator ev(graph);
    CutSetOptions options;
    options.protect = {"nope"};
    EXPECT_THROW(computeCutSets(m, ev, *m.indexOf("chat"), options), AnalysisError);
    options.protect = {"chat"};
    EXPECT_THROW(computeCutSets(m, ev, *m.indexOf("chat"), options), AnalysisError);
}

// ---------------------------------------------------------------------------------------------
// Aralia fault trees (Open-PSA MEF): counts against the reference table.

std::map<std::string, std::string> araliaCounts()
{
    std::ifstream in(test::araliaDir() / "expected_mcs.csv");
    std::map<std::string, std::string> out;
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        const std::string file = line.substr(0, line.find(','));
        // The count is the second-to-last field; the last may be quoted.
        std::vector<std::string> fields;
        std::string field;
        bool quoted = false;
        for (char ch : line) {
            if (ch == '"')
                quoted = !quoted;
            else if (ch == ',' && !quoted) {
                fields.push_back(field);
                field.clear();
            } else {
                field += ch;
            }
        }
        fields.push_back(field);
        out[file] = fields[fields.size() - 2];
    }
    return out;
}

CutSetResult araliaCutSets(const std::string &file, std::size_t limit, DocumentData &doc, std::unique_ptr<Graph> &graph,
                           std::unique_ptr<Evaluator> &ev)
{
    doc = loadModelFile((test::araliaDir() / file).string());
    const Selection sel = select(doc.model, "");
    graph = std::make_unique<Graph>(doc.model);
    ev = std::make_unique<Evaluator>(*graph);
    ev->setActions(doc.model, sel.actions);
    CutSetOptions options;
    options.limit = limit;
    return computeCutSets(doc.model, *ev, *doc.model.indexOf("r1"), options);
}

class Aralia : public ::testing::TestWithParam<const char *>
{
};

TEST_P(Aralia, CountEqualsReference)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    const auto expected = araliaCounts();
    const std::string file = std::string(GetParam()) + ".xml";
    ASSERT_TRUE(expected.count(file)) << file;
    DocumentData doc;
    std::unique_ptr<Graph> graph;
    std::unique_ptr<Evaluator> ev;
    const CutSetResult r = araliaCutSets(file, 0, doc, graph, ev);
    EXPECT_EQ(std::to_string(r.count), expected.at(file));
}

// Every coherent tree with a reference count, the largest included (das9209: 8.2e10 sets, edf9206:
// 7.2e9). The slow ones take a few seconds each in a release build.
constexpr const char *kFastTrees[] = {"baobab1", "baobab2", "baobab3", "chinese", "das9201", "das9202", "das9203",
                                      "das9204", "das9205", "das9206", "das9207", "das9208", "das9209", "edf9201",
                                      "edf9202", "edf9205", "edf9206", "edfpa15o", "edfpa15p", "edfpa15q",
                                      "edfpa15r", "elf9601", "ftr10", "isp9601", "isp9602", "isp9603", "isp9604",
                                      "isp9605", "isp9606", "isp9607", "jbd9601"};
constexpr const char *kSlowTrees[] = {"edf9203",  "edf9204",  "edfpa14b", "edfpa14o",
                                      "edfpa14p", "edfpa14q", "edfpa14r", "edfpa15b"};
INSTANTIATE_TEST_SUITE_P(Fast, Aralia, ::testing::ValuesIn(kFastTrees));
INSTANTIATE_TEST_SUITE_P(Slow, Aralia, ::testing::ValuesIn(kSlowTrees));

TEST(AraliaCoverage, EveryCoherentTreeWithACountIsTested)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    std::set<std::string> tested(std::begin(kFastTrees), std::end(kFastTrees));
    tested.insert(std::begin(kSlowTrees), std::end(kSlowTrees));
    int coherentWithCount = 0;
    for (const auto &[file, count] : araliaCounts()) {
        const std::string name = file.substr(0, file.size() - 4);
        std::ifstream xml(test::araliaDir() / file);
        const std::string text((std::istreambuf_iterator<char>(xml)), std::istreambuf_iterator<char>());
        const bool coherent = text.find("<not") == std::string::npos && text.find("<xor") == std::string::npos;
        if (!coherent || count.empty())
            continue;
        ++coherentWithCount;
        EXPECT_TRUE(tested.count(name)) << name << " has a reference count but no test";
    }
    EXPECT_EQ(coherentWithCount, 39);
}

TEST(AraliaListing, EverySetIsAMinimalCutSet)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    DocumentData doc;
    std::unique_ptr<Graph> graph;
    std::unique_ptr<Evaluator> ev;
    const CutSetResult r = araliaCutSets("chinese.xml", 100000, doc, graph, ev);
    ASSERT_EQ(r.count, 392u);
    ASSERT_EQ(r.cutSets.size(), 392u);
    const Model &m = doc.model;
    const std::size_t top = *m.indexOf("r1");
    auto failsWith = [&](const std::vector<std::uint32_t> &nodes) {
        Actions actions;
        for (std::uint32_t n : nodes)
            actions.push_back(Action{m.nodes[n].id, ActionType::Block, Json::object()});
        Evaluator e(*graph);
        e.setActions(m, actions);
        return e.stateOfNode(top) == State::Failed;
    };
    std::set<std::vector<std::uint32_t>> seen;
    for (const CutSet &s : r.cutSets) {
        EXPECT_TRUE(seen.insert(s.nodes).second) << "listed twice";
        EXPECT_TRUE(failsWith(s.nodes));
        for (std::size_t i = 0; i < s.nodes.size(); ++i) {
            std::vector<std::uint32_t> fewer = s.nodes;
            fewer.erase(fewer.begin() + static_cast<std::ptrdiff_t>(i));
            EXPECT_FALSE(failsWith(fewer)) << "not minimal";
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The command line.

struct CliRun
{
    int code;
    std::string out, err;
};

CliRun cli(std::vector<std::string> args)
{
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    return {code, out.str(), err.str()};
}

class CutSetsCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        std::ofstream(path) << R"({"format": "chokepoint", "version": 1, "model": {"id": "m", "title": "M"},
          "nodes": [
            {"id": "port", "name": "Port", "kind": "port", "blockable": true},
            {"id": "alt", "name": "Alt port", "kind": "port", "blockable": true},
            {"id": "ids", "name": "IDS", "kind": "platform-service", "blockable": true},
            {"id": "static", "name": "Static", "kind": "service"},
            {"id": "push", "name": "Push", "kind": "platform-service", "gate": "any",
             "dependsOn": ["port", {"node": "alt", "type": "fallback"}]},
            {"id": "chat", "name": "Chat", "kind": "function", "users": 100, "dependsOn": ["push", "ids"]},
            {"id": "bank", "name": "Bank", "kind": "app", "users": 40, "dependsOn": ["push"]},
            {"id": "site", "name": "Site", "kind": "app", "users": 5, "dependsOn": ["static"]}
          ],
          "scenarios": [{"id": "s", "title": "S", "targets": ["chat"], "actions": []}]})";
    }
    test::TempDir dir;
    std::string path = dir.path("m.json").string();
};

TEST_F(CutSetsCli, JsonShape)
{
    const CliRun r = cli({"cutsets", path, "--target", "chat", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = Json::parse(r.out);
    std::set<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it)
        keys.insert(it.key());
    EXPECT_EQ(keys, (std::set<std::string>{"target", "count", "bySize", "cutsets", "truncated"}));
    EXPECT_EQ(j["target"], "chat");
    EXPECT_EQ(j["count"], 2);
    EXPECT_EQ(j["bySize"], Json::parse(R"({"1": 1, "2": 1})"));
    EXPECT_EQ(j["cutsets"][0], Json::parse(R"({"blocks": ["ids"], "collateralUsers": 0})"));
    EXPECT_EQ(j["cutsets"][1], Json::parse(R"({"blocks": ["alt", "port"], "collateralUsers": 40})"));
    EXPECT_EQ(j["truncated"], false);
}

TEST_F(CutSetsCli, LimitZeroCountsOnly)
{
    const CliRun r = cli({"cutsets", path, "--target", "chat", "--format", "json", "--limit", "0"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = Json::parse(r.out);
    EXPECT_EQ(j["count"], 2);
    EXPECT_TRUE(j["cutsets"].empty());
    EXPECT_EQ(j["truncated"], true);
}

TEST_F(CutSetsCli, ProtectAndMaxSize)
{
    CliRun r = cli({"cutsets", path, "--target", "chat", "--format", "json", "--protect", "bank"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(Json::parse(r.out)["count"], 1);
    r = cli({"cutsets", path, "--target", "chat", "--format", "json", "--max-size", "1"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(Json::parse(r.out)["count"], 1);
}

TEST_F(CutSetsCli, TextAndCsv)
{
    CliRun r = cli({"cutsets", path, "--target", "chat"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("alt, port"), std::string::npos) << r.out;
    r = cli({"cutsets", path, "--target", "chat", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, "size,collateral_users,blocks\r\n1,0,ids\r\n2,40,alt port\r\n");
}

TEST_F(CutSetsCli, BadInput)
{
    CliRun r = cli({"cutsets", path, "--target", "nope"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown node 'nope'"), std::string::npos) << r.err;
    r = cli({"cutsets", path});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--target"), std::string::npos) << r.err;
    r = cli({"cutsets", path, "--target", "chat", "--max-size", "0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("--max-size"), std::string::npos) << r.err;
    r = cli({"cutsets", path, "--target", "chat", "--protect", "chat"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("is the target"), std::string::npos) << r.err;
    r = cli({"cutsets", path, "--target", "chat", "--protect", "nope"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("unknown node 'nope'"), std::string::npos) << r.err;
    // Not bad input: a target nothing blockable lies under has no cut set, said plainly (exit 0).
    r = cli({"cutsets", path, "--target", "site"});
    EXPECT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find(": 0\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Nothing site depends on can be blocked"), std::string::npos) << r.out;
    // A bad file is exit 3, whatever the options.
    std::ofstream(dir.path("bad.json")) << "{";
    r = cli({"cutsets", dir.path("bad.json").string(), "--target", "chat"});
    EXPECT_EQ(r.code, 3) << r.err;
}

TEST_F(CutSetsCli, UnreachableTargetIsCountZeroWithAMessage)
{
    CliRun r = cli({"cutsets", path, "--target", "site"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("can be blocked"), std::string::npos) << r.out;
    r = cli({"cutsets", path, "--target", "site", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(Json::parse(r.out)["count"], 0);
    EXPECT_FALSE(r.err.empty());
}

TEST_F(CutSetsCli, RankJson)
{
    const CliRun r = cli({"rank", path, "--scenario", "s", "--format", "json"});
    ASSERT_EQ(r.code, 0) << r.err;
    const Json j = Json::parse(r.out);
    ASSERT_EQ(j["rank"].size(), 3u);
    // Only IDS fails anything on its own (chat, a target); port leaves push on its fallback.
    EXPECT_EQ(j["rank"][0]["node"], "ids");
    EXPECT_EQ(j["rank"][0]["collateralUsersLost"], 0);
    EXPECT_EQ(j["rank"][0]["usersLost"], 100);
    EXPECT_EQ(j["rank"][0]["targetsFailed"], 1);
    const CliRun top = cli({"rank", path, "--top", "1", "--format", "csv"});
    ASSERT_EQ(top.code, 0) << top.err;
    EXPECT_EQ(std::count(top.out.begin(), top.out.end(), '\n'), 2);
}

} // namespace
} // namespace chokepoint
