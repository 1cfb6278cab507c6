// Minimal cut sets of random fault trees, read as Open-PSA MEF, against an enumeration of every
// set of basic events written here. The trees are small but dense: gates share many arguments
// (what FailureLogic::mergeCommonArguments regroups), some are wide (what Bdd::combine builds in
// one pass), and gates are shared between branches, so modules are few.

#include "engine/cutsets.h"
#include "engine/evaluator.h"
#include "engine/graph.h"
#include "io/mefimport.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace chokepoint {
namespace {

std::string eventName(int e)
{
    std::string name(1, 'e');
    name += std::to_string(e);
    return name;
}

struct Gate
{
    enum Kind { Or, And, AtLeast } kind;
    int k = 0;
    std::vector<int> events, gates; // arguments: basic events, and gates defined before this one
};

struct Tree
{
    int events = 0;
    std::vector<Gate> gates; // the last is the top, r1

    std::string xml() const
    {
        std::ostringstream out;
        out << "<?xml version=\"1.0\"?>\n<opsa-mef>\n<define-fault-tree name=\"random\">\n";
        for (std::size_t i = 0; i < gates.size(); ++i) {
            const Gate &g = gates[i];
            const char *tag = g.kind == Gate::Or ? "or" : g.kind == Gate::And ? "and" : "atleast";
            out << "<define-gate name=\"";
            if (i + 1 == gates.size())
                out << "r1";
            else
                out << 'g' << i;
            out << "\">\n<" << tag;
            if (g.kind == Gate::AtLeast)
                out << " min=\"" << g.k << "\"";
            out << ">\n";
            for (int e : g.events)
                out << "<basic-event name=\"e" << e << "\"/>\n";
            for (int a : g.gates)
                out << "<gate name=\"g" << a << "\"/>\n";
            out << "</" << tag << ">\n</define-gate>\n";
        }
        out << "</define-fault-tree>\n</opsa-mef>\n";
        return out.str();
    }

    /// Whether the top fails when the events in `failed` (a bit mask) do.
    bool fails(unsigned failed) const
    {
        std::vector<bool> value(gates.size());
        for (std::size_t i = 0; i < gates.size(); ++i) {
            const Gate &g = gates[i];
            int count = 0;
            for (int e : g.events)
                count += (failed >> e) & 1;
            for (int a : g.gates)
                count += value[a];
            const int n = static_cast<int>(g.events.size() + g.gates.size());
            value[i] = g.kind == Gate::Or ? count >= 1 : g.kind == Gate::And ? count == n : count >= g.k;
        }
        return value.back();
    }

    /// The minimal cut sets as sorted lists of event names, by brute force.
    std::set<std::vector<std::string>> minimalCutSets() const
    {
        std::set<std::vector<std::string>> out;
        for (unsigned s = 0; s < (1u << events); ++s) {
            if (!fails(s))
                continue;
            bool minimal = true;
            for (int e = 0; e < events && minimal; ++e)
                minimal = !((s >> e) & 1) || !fails(s & ~(1u << e));
            if (!minimal)
                continue;
            std::vector<std::string> names;
            for (int e = 0; e < events; ++e) {
                if ((s >> e) & 1)
                    names.push_back(eventName(e));
            }
            std::sort(names.begin(), names.end());
            out.insert(names);
        }
        return out;
    }
};

/// A random tree: each gate takes a few events from a small pool, so that gates share them,
/// and a few of the gates before it.
Tree randomTree(std::mt19937 &random)
{
    Tree t;
    t.events = 4 + static_cast<int>(random() % 8);
    const int gateCount = 3 + static_cast<int>(random() % 10);
    for (int i = 0; i < gateCount; ++i) {
        Gate g;
        const unsigned kind = random() % 8;
        g.kind = kind < 4 ? Gate::Or : kind < 7 ? Gate::And : Gate::AtLeast;
        const int width = 1 + static_cast<int>(random() % 7);
        for (int j = 0; j < width; ++j) {
            const int e = static_cast<int>(random() % t.events);
            if (std::find(g.events.begin(), g.events.end(), e) == g.events.end())
                g.events.push_back(e);
        }
        // The top gate uses every gate no other gate does, so that the whole tree is below it.
        if (i + 1 == gateCount) {
            std::vector<bool> used(gateCount, false);
            for (const Gate &h : t.gates) {
                for (int a : h.gates)
                    used[a] = true;
            }
            for (int a = 0; a < i; ++a) {
                if (!used[a])
                    g.gates.push_back(a);
            }
        }
        for (int j = 0; i > 0 && j < static_cast<int>(random() % 4); ++j) {
            const int a = static_cast<int>(random() % i);
            if (std::find(g.gates.begin(), g.gates.end(), a) == g.gates.end())
                g.gates.push_back(a);
        }
        const int n = static_cast<int>(g.events.size() + g.gates.size());
        if (g.kind == Gate::AtLeast && n < 3)
            g.kind = Gate::Or;
        if (g.kind == Gate::AtLeast)
            g.k = 2 + static_cast<int>(random() % (n - 2));
        t.gates.push_back(g);
    }
    return t;
}

TEST(RandomFaultTrees, CutSetsEqualBruteForce)
{
    std::mt19937 random(20261202);
    int nonEmpty = 0, wide = 0;
    for (int round = 0; round < 1500; ++round) {
        const Tree tree = randomTree(random);
        const std::string xml = tree.xml();
        const Model model = parseMefModel(xml, "random.xml");
        const Graph graph(model);
        Evaluator ev(graph);
        ev.recomputeAll();
        CutSetOptions options;
        options.limit = 1'000'000;
        const CutSetResult r = computeCutSets(model, ev, *model.indexOf("r1"), options);

        std::set<std::vector<std::string>> got;
        for (const CutSet &s : r.cutSets) {
            std::vector<std::string> names;
            for (std::uint32_t n : s.nodes)
                names.push_back(model.nodes[n].id);
            std::sort(names.begin(), names.end());
            got.insert(names);
        }
        const auto expected = tree.minimalCutSets();
        ASSERT_EQ(got, expected) << xml;
        ASSERT_EQ(r.count, expected.size()) << xml;
        nonEmpty += !expected.empty();
        for (const Gate &g : tree.gates)
            wide += g.events.size() + g.gates.size() >= 5;
    }
    EXPECT_GT(nonEmpty, 1000);
    EXPECT_GT(wide, 1000);
}

} // namespace
} // namespace chokepoint
