#include "map/dotordering.h"

#include <gvc.h>

#include <algorithm>
#include <cstdio>
#include <mutex>
#include <string>
#include <tuple>

namespace chokepoint::ui {
namespace {

/// Up to this many nodes dot runs with its default effort (a few milliseconds).
constexpr std::size_t kDotFullEffortNodes = 200;

// Graphviz takes char * for strings it only copies.
char *gv(const char *s) { return const_cast<char *>(s); }
char *gv(const std::string &s) { return const_cast<char *>(s.c_str()); }

std::string inches(double sceneUnits)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.4f", sceneUnits / 72.0);
    return buf;
}

/// "n12", "row3": Graphviz names (snprintf: GCC 12 warns falsely on string + to_string).
std::string gvName(const char *prefix, std::size_t n)
{
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%zu", prefix, n);
    return buf;
}

std::mutex &graphvizMutex()
{
    static std::mutex m;
    return m;
}

void setGraphAttributes(Agraph_t *g, const Model &model, const LayoutOptions &options)
{
    agattr(g, AGRAPH, gv("rankdir"), gv("BT"));
    agattr(g, AGRAPH, gv("splines"), gv("none")); // we draw our own edges: skip routing
    agattr(g, AGRAPH, gv("nodesep"), gv(inches(options.nodeSeparation)));
    agattr(g, AGRAPH, gv("ranksep"), gv(inches(options.rankSeparation).append(" equally")));
    if (model.nodes.size() > kDotFullEffortNodes) {
        // Less crossing minimisation and fewer network simplex rounds for x: on the 322-node
        // shipped model this takes dot from 450 ms to 75 ms for about 5% more crossings (rows are
        // re-spaced by the caller anyway).
        agattr(g, AGRAPH, gv("mclimit"), gv("0.2"));
        agattr(g, AGRAPH, gv("nslimit"), gv("1"));
    }
    agattr(g, AGNODE, gv("shape"), gv("box"));
    agattr(g, AGNODE, gv("fixedsize"), gv("true"));
    agattr(g, AGNODE, gv("label"), gv(""));
    agattr(g, AGNODE, gv("width"), gv(inches(options.nodeWidth)));
    agattr(g, AGNODE, gv("height"), gv(inches(options.nodeHeight)));
    agattr(g, AGNODE, gv("style"), gv(""));
    agattr(g, AGEDGE, gv("weight"), gv("1"));
    agattr(g, AGEDGE, gv("style"), gv(""));
}

/// One subgraph per row with rank=same, threaded on a chain of invisible anchors so that dot
/// keeps every row where it is, even one whose nodes have no edges between them.
std::vector<Agraph_t *> addRows(Agraph_t *g, int rowCount)
{
    std::vector<Agraph_t *> rowGraphs(static_cast<std::size_t>(rowCount));
    Agnode_t *previousAnchor = nullptr;
    for (int r = 0; r < rowCount; ++r) {
        Agraph_t *sg = agsubg(g, gv(gvName("row", static_cast<std::size_t>(r))), 1);
        agsafeset(sg, gv("rank"), gv("same"), gv(""));
        Agnode_t *anchor = agnode(sg, gv(gvName("anchor", static_cast<std::size_t>(r))), 1);
        agset(anchor, gv("width"), gv("0.01"));
        agset(anchor, gv("height"), gv("0.01"));
        agset(anchor, gv("style"), gv("invis"));
        if (previousAnchor) {
            Agedge_t *e = agedge(g, previousAnchor, anchor, nullptr, 1);
            agset(e, gv("style"), gv("invis"));
            agset(e, gv("weight"), gv("0"));
        }
        previousAnchor = anchor;
        rowGraphs[static_cast<std::size_t>(r)] = sg;
    }
    return rowGraphs;
}

/// The nodes, created row by row and by category and name within a row: dot starts its crossing
/// minimisation from that order, so a category's nodes tend to stay together.
std::vector<Agnode_t *> addNodes(Agraph_t *g, const Model &model, const std::vector<int> &rows)
{
    std::vector<int> order(model.nodes.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const Node &na = model.nodes[static_cast<std::size_t>(a)];
        const Node &nb = model.nodes[static_cast<std::size_t>(b)];
        return std::tie(rows[static_cast<std::size_t>(a)], na.category, na.name, a) <
               std::tie(rows[static_cast<std::size_t>(b)], nb.category, nb.name, b);
    });
    const int rowCount = *std::max_element(rows.begin(), rows.end()) + 1;
    const std::vector<Agraph_t *> rowGraphs = addRows(g, rowCount);
    std::vector<Agnode_t *> nodes(model.nodes.size(), nullptr);
    for (int i : order) {
        const auto u = static_cast<std::size_t>(i);
        nodes[u] = agnode(rowGraphs[static_cast<std::size_t>(rows[u])], gv(gvName("n", u)), 1);
    }
    for (int i : order) {
        const auto u = static_cast<std::size_t>(i);
        for (std::uint32_t d : model.resolvedDependencies(u))
            if (d != Model::kUnresolved && d != u)
                agedge(g, nodes[d], nodes[u], nullptr, 1); // dependency → dependant: upwards
    }
    return nodes;
}

} // namespace

std::optional<std::vector<double>> dotColumns(const Model &model, const std::vector<int> &rows,
                                              const LayoutOptions &options)
{
    if (model.nodes.empty())
        return std::vector<double>{};
    std::lock_guard lock(graphvizMutex());
    agseterr(AGMAX); // keep Graphviz quiet on stderr; a failed layout shows in gvLayout's result
    GVC_t *gvc = gvContext();
    Agraph_t *g = agopen(gv("map"), Agstrictdirected, nullptr);
    setGraphAttributes(g, model, options);
    const std::vector<Agnode_t *> nodes = addNodes(g, model, rows);
    std::optional<std::vector<double>> x;
    if (gvLayout(gvc, g, "dot") == 0) {
        x.emplace();
        x->reserve(nodes.size());
        for (Agnode_t *n : nodes)
            x->push_back(ND_coord(n).x);
        gvFreeLayout(gvc, g);
    }
    agclose(g);
    gvFreeContext(gvc);
    return x;
}

} // namespace chokepoint::ui
