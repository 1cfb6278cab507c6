#include "map/graphlayout.h"

#include "map/dotordering.h"
#include "map/nodegroups.h"

#include <algorithm>
#include <cmath>
#include <queue>
#include <tuple>

namespace chokepoint::ui {
namespace {

constexpr int kUnknown = -1;

int layerIndex(Layer l) { return static_cast<int>(l); }
constexpr int kDrawnLayers = 4; // Network, Platform, Function, App

/// Who depends on each node (the model stores the other direction).
std::vector<std::vector<int>> dependantsOf(const Model &model)
{
    std::vector<std::vector<int>> out(model.nodes.size());
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        for (std::uint32_t d : model.resolvedDependencies(i))
            if (d != Model::kUnresolved)
                out[d].push_back(static_cast<int>(i));
    return out;
}

/// Dependencies before dependants; ties in file order. A cycle (which validate() rejects) cannot
/// hang it: what is left over is appended in file order.
std::vector<int> topologicalOrder(const Model &model, const std::vector<std::vector<int>> &dependants)
{
    const std::size_t n = model.nodes.size();
    std::vector<int> pending(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        for (std::uint32_t d : model.resolvedDependencies(i))
            pending[i] += d != Model::kUnresolved;
    std::priority_queue<int, std::vector<int>, std::greater<>> ready;
    for (std::size_t i = 0; i < n; ++i)
        if (pending[i] == 0)
            ready.push(static_cast<int>(i));
    std::vector<int> order;
    order.reserve(n);
    std::vector<char> done(n, 0);
    while (!ready.empty()) {
        const int v = ready.top();
        ready.pop();
        order.push_back(v);
        done[static_cast<std::size_t>(v)] = 1;
        for (int u : dependants[static_cast<std::size_t>(v)])
            if (--pending[static_cast<std::size_t>(u)] == 0)
                ready.push(u);
    }
    for (std::size_t i = 0; i < n; ++i)
        if (!done[i])
            order.push_back(static_cast<int>(i));
    return order;
}

/**
 * Turns dot's order into positions: each row keeps dot's left-to-right order and, as far as it can,
 * dot's x (scaled so the widest row is about `maxRow` nodes wide), with no two nodes closer than a
 * node's width plus the gap. Dot alone spreads rows wide to straighten long edges; a map that
 * fits a screen reads better. The shift is the least-squares one (isotonic regression, PAVA).
 */
std::map<std::string, NodePosition> placeRows(const Model &model, const std::vector<Layer> &layers,
                                              const std::vector<int> &rows, const std::vector<double> &dotX,
                                              std::size_t maxRow, const LayoutOptions &options)
{
    const double pitchX = options.nodeWidth + options.nodeSeparation;
    const double pitchY = options.nodeHeight + options.rankSeparation;
    const auto [minIt, maxIt] = std::minmax_element(dotX.begin(), dotX.end());
    const double dotWidth = *maxIt - *minIt;
    const double target = static_cast<double>(maxRow) * pitchX;
    const double scale = dotWidth > target ? target / dotWidth : 1.0;
    const int rowCount = *std::max_element(rows.begin(), rows.end()) + 1;

    std::vector<std::vector<int>> byRow(static_cast<std::size_t>(rowCount));
    for (std::size_t i = 0; i < rows.size(); ++i)
        byRow[static_cast<std::size_t>(rows[i])].push_back(static_cast<int>(i));
    std::vector<double> x(dotX.size(), 0.0);
    for (auto &row : byRow) {
        std::sort(row.begin(), row.end(), [&](int a, int b) {
            return std::pair(dotX[static_cast<std::size_t>(a)], a) < std::pair(dotX[static_cast<std::size_t>(b)], b);
        });
        // z_k = wanted_k - k * pitch must not decrease: pool adjacent violators into their mean.
        struct Block
        {
            double sum;
            int count;
        };
        std::vector<Block> blocks;
        for (std::size_t k = 0; k < row.size(); ++k) {
            const double wanted = (dotX[static_cast<std::size_t>(row[k])] - *minIt) * scale;
            blocks.push_back({wanted - static_cast<double>(k) * pitchX, 1});
            while (blocks.size() > 1 && blocks[blocks.size() - 2].sum / blocks[blocks.size() - 2].count >
                                            blocks.back().sum / blocks.back().count) {
                blocks[blocks.size() - 2].sum += blocks.back().sum;
                blocks[blocks.size() - 2].count += blocks.back().count;
                blocks.pop_back();
            }
        }
        std::size_t k = 0;
        for (const Block &b : blocks)
            for (int c = 0; c < b.count; ++c, ++k)
                x[static_cast<std::size_t>(row[k])] = b.sum / b.count + static_cast<double>(k) * pitchX;
    }

    // Rows bottom-up; a little more room where one layer meets the next, for the bands.
    std::vector<double> rowY(static_cast<std::size_t>(rowCount), 0.0);
    double y = 0;
    int previousLayer = -1;
    for (int r = 0; r < rowCount; ++r) {
        const auto &row = byRow[static_cast<std::size_t>(r)];
        const int layer = row.empty() ? previousLayer : static_cast<int>(layers[static_cast<std::size_t>(row.front())]);
        if (r > 0)
            y -= pitchY + (layer != previousLayer ? options.layerSeparation - options.rankSeparation : 0.0);
        rowY[static_cast<std::size_t>(r)] = y;
        previousLayer = layer;
    }
    const double left = *std::min_element(x.begin(), x.end());
    const double top = rowY.back();
    std::map<std::string, NodePosition> out;
    for (std::size_t i = 0; i < model.nodes.size(); ++i)
        out[model.nodes[i].id] =
            NodePosition{std::round(x[i] - left), std::round(rowY[static_cast<std::size_t>(rows[i])] - top), false};
    return out;
}

/// Rows about as wide as the map is tall on a 16:10 screen: a node's pitch is about twice as wide
/// as it is tall, so √n nodes a row gives roughly that shape (rows also break at dependencies).
std::size_t defaultRowWidth(std::size_t nodeCount)
{
    const auto wanted = static_cast<std::size_t>(std::ceil(1.1 * std::sqrt(static_cast<double>(nodeCount))));
    return std::max<std::size_t>(6, wanted);
}

std::map<std::string, NodePosition> dotLayout(const Model &model, const LayoutOptions &options)
{
    const std::vector<Layer> layers = drawingLayers(model);
    const std::size_t maxRow = options.maxRowNodes ? options.maxRowNodes : defaultRowWidth(model.nodes.size());
    const std::vector<int> rows = layoutRows(model, layers, maxRow);
    const std::optional<std::vector<double>> x = dotColumns(model, rows, options);
    if (!x)
        return gridLayout(model, options);
    return placeRows(model, layers, rows, *x, maxRow, options);
}

} // namespace

// --- layers and rows ----------------------------------------------------------------------------

std::vector<Layer> drawingLayers(const Model &model)
{
    const auto dependants = dependantsOf(model);
    const std::vector<int> order = topologicalOrder(model, dependants);
    std::vector<int> layer(model.nodes.size(), kUnknown);
    for (int v : order) { // dependencies first: a node goes no lower than what it depends on
        const auto i = static_cast<std::size_t>(v);
        const Layer own = layerOf(model.nodes[i].kind);
        int l = own == Layer::Other ? kUnknown : layerIndex(own);
        for (std::uint32_t d : model.resolvedDependencies(i))
            if (d != Model::kUnresolved)
                l = std::max(l, layer[d]);
        layer[i] = l;
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) { // helpers without dependencies
        const auto i = static_cast<std::size_t>(*it);
        if (layer[i] != kUnknown)
            continue;
        int l = kDrawnLayers;
        for (int u : dependants[i])
            if (layer[static_cast<std::size_t>(u)] != kUnknown)
                l = std::min(l, layer[static_cast<std::size_t>(u)]);
        layer[i] = l == kDrawnLayers ? layerIndex(Layer::Network) : l;
    }
    std::vector<Layer> out(model.nodes.size());
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<Layer>(layer[i]);
    return out;
}

std::vector<int> layoutRows(const Model &model, const std::vector<Layer> &layers, std::size_t maxRowNodes)
{
    const std::size_t n = model.nodes.size();
    const auto dependants = dependantsOf(model);
    std::vector<int> row(n, kUnknown);
    std::vector<std::size_t> rowSize;
    int base = 0;
    maxRowNodes = std::max<std::size_t>(1, maxRowNodes);
    for (int l = 0; l < kDrawnLayers; ++l) {
        // Kahn's algorithm over this layer, taking the node that can sit lowest first (then by
        // category and name, so a category's nodes share rows); each goes into the lowest row
        // above its dependencies that has room.
        std::vector<int> pending(n, 0);
        using Ready = std::tuple<int, std::string_view, std::string_view, int>;
        std::priority_queue<Ready, std::vector<Ready>, std::greater<>> ready;
        auto lowest = [&](std::size_t i) {
            int r = base;
            for (std::uint32_t d : model.resolvedDependencies(i))
                if (d != Model::kUnresolved && d != i)
                    r = std::max(r, row[d] + 1);
            return r;
        };
        auto push = [&](std::size_t i) {
            ready.emplace(lowest(i), model.nodes[i].category, model.nodes[i].name, static_cast<int>(i));
        };
        for (std::size_t i = 0; i < n; ++i) {
            if (layerIndex(layers[i]) != l)
                continue;
            for (std::uint32_t d : model.resolvedDependencies(i))
                pending[i] += d != Model::kUnresolved && d != i && row[d] == kUnknown;
            if (pending[i] == 0)
                push(i);
        }
        int top = base - 1;
        while (!ready.empty()) {
            const auto i = static_cast<std::size_t>(std::get<3>(ready.top()));
            int r = std::get<0>(ready.top());
            ready.pop();
            while (static_cast<std::size_t>(r) < rowSize.size() && rowSize[static_cast<std::size_t>(r)] >= maxRowNodes)
                ++r;
            if (static_cast<std::size_t>(r) >= rowSize.size())
                rowSize.resize(static_cast<std::size_t>(r) + 1, 0);
            ++rowSize[static_cast<std::size_t>(r)];
            row[i] = r;
            top = std::max(top, r);
            for (int u : dependants[i])
                if (layerIndex(layers[static_cast<std::size_t>(u)]) == l && --pending[static_cast<std::size_t>(u)] == 0)
                    push(static_cast<std::size_t>(u));
        }
        for (std::size_t i = 0; i < n; ++i) // a cycle (rejected by validate()) still gets a row
            if (layerIndex(layers[i]) == l && row[i] == kUnknown) {
                row[i] = top + 1;
                top = top + 1;
                rowSize.resize(static_cast<std::size_t>(top) + 1, 0);
                ++rowSize[static_cast<std::size_t>(top)];
            }
        base = top + 1;
    }
    return row;
}

std::map<std::string, NodePosition> layoutGraph(const Model &model, const LayoutOptions &options)
{
    if (model.nodes.empty())
        return {};
    if (model.nodes.size() + model.edgeCount() > options.graphvizMaxSize)
        return gridLayout(model, options);
    return dotLayout(model, options);
}

// --- the grid for big models ------------------------------------------------------------------

std::map<std::string, NodePosition> gridLayout(const Model &model, const LayoutOptions &options)
{
    const std::size_t n = model.nodes.size();
    const std::vector<Layer> layers = drawingLayers(model);
    const double pitchX = options.nodeWidth + options.nodeSeparation;
    const double pitchY = options.nodeHeight + options.rankSeparation;

    // Which big group (if any) each node belongs to; big groups get strips of their own.
    const std::vector<NodeGroup> groups = groupNodes(model);
    std::vector<int> bigGroupOf(n, kUnknown);
    for (std::size_t g = 0; g < groups.size(); ++g)
        if (groups[g].members.size() > options.bigGroup)
            for (int m : groups[g].members)
                bigGroupOf[static_cast<std::size_t>(m)] = static_cast<int>(g);

    // Column and row within the node's layer (row 0 is the layer's top row).
    std::vector<int> column(n, 0), rowInLayer(n, 0);
    std::vector<int> layerRows(kDrawnLayers, 1);
    // Big groups start folded, so a layer is as tall as its loose grid (and the one row where the
    // folded boxes sit); an unfolded strip runs down past the layers below. Strips of all layers
    // take columns of their own, right of every grid, apps' first, so they never overlap a node.
    int stripColumn = mapstyle::kGridColumns + 1;
    for (int l = kDrawnLayers - 1; l >= 0; --l) {
        std::vector<int> loose;
        for (std::size_t i = 0; i < n; ++i)
            if (layerIndex(layers[i]) == l && bigGroupOf[i] == kUnknown)
                loose.push_back(static_cast<int>(i));
        // A big group's members in this layer, in the group's order (name, then id), so its anchor
        // comes first; groups in key order.
        std::vector<std::vector<int>> strips;
        for (std::size_t g = 0; g < groups.size(); ++g) {
            if (groups[g].members.size() <= options.bigGroup)
                continue;
            std::vector<int> strip;
            for (int m : groups[g].members)
                if (layerIndex(layers[static_cast<std::size_t>(m)]) == l)
                    strip.push_back(m);
            if (!strip.empty())
                strips.push_back(std::move(strip));
        }
        auto byCategoryKindName = [&](int a, int b) {
            const Node &na = model.nodes[static_cast<std::size_t>(a)];
            const Node &nb = model.nodes[static_cast<std::size_t>(b)];
            return std::tie(na.category, na.kind, na.name, na.id) < std::tie(nb.category, nb.kind, nb.name, nb.id);
        };
        std::sort(loose.begin(), loose.end(), byCategoryKindName);
        for (std::size_t k = 0; k < loose.size(); ++k) {
            const auto i = static_cast<std::size_t>(loose[k]);
            column[i] = static_cast<int>(k) % mapstyle::kGridColumns;
            rowInLayer[i] = static_cast<int>(k) / mapstyle::kGridColumns;
            layerRows[static_cast<std::size_t>(l)] = std::max(layerRows[static_cast<std::size_t>(l)], rowInLayer[i] + 1);
        }
        for (const auto &strip : strips) {
            for (std::size_t k = 0; k < strip.size(); ++k) {
                const auto i = static_cast<std::size_t>(strip[k]);
                column[i] = stripColumn + static_cast<int>(k) % mapstyle::kGridStripColumns;
                rowInLayer[i] = static_cast<int>(k) / mapstyle::kGridStripColumns;
            }
            stripColumn += mapstyle::kGridStripColumns + 1;
        }
    }

    // Layers top-down: apps first (smallest y), network last.
    std::vector<double> layerTop(kDrawnLayers, 0.0);
    double y = 0;
    for (int l = kDrawnLayers - 1; l >= 0; --l) {
        layerTop[static_cast<std::size_t>(l)] = y;
        y += layerRows[static_cast<std::size_t>(l)] * pitchY + options.layerSeparation;
    }
    std::map<std::string, NodePosition> out;
    for (std::size_t i = 0; i < n; ++i) {
        const auto l = static_cast<std::size_t>(layerIndex(layers[i]));
        out[model.nodes[i].id] = NodePosition{std::round(column[i] * pitchX),
                                              std::round(layerTop[l] + rowInLayer[i] * pitchY), false};
    }
    return out;
}

} // namespace chokepoint::ui
