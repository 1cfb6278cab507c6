#pragma once

#include "io/documentfile.h"
#include "map/mapconstants.h"
#include "model/model.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace chokepoint::ui {

/// Sizes and limits of the layout; the defaults are the map's own (mapconstants.h).
struct LayoutOptions
{
    double nodeWidth = mapstyle::kNodeWidth;
    double nodeHeight = mapstyle::kNodeHeight;
    double rankSeparation = mapstyle::kRankSeparation;
    double nodeSeparation = mapstyle::kNodeSeparation;
    double layerSeparation = mapstyle::kLayerSeparation;
    /// Above this many nodes plus edges the fast grid layout replaces Graphviz.
    std::size_t graphvizMaxSize = mapstyle::kGraphvizMaxSize;
    /// The most nodes in one row of the Graphviz layout; 0 chooses from the model's size, so a
    /// layer of 80 functions wraps into a few rows instead of one row a screen wide.
    std::size_t maxRowNodes = 0;
    /// Grid layout: groups with more members than this get a strip of their own (they start folded).
    std::size_t bigGroup = mapstyle::kAutoCollapseMembers;
};

/**
 * The band each node is drawn in: its kind's layer, raised to the highest layer of what it depends
 * on so that every arrow points up. Gates and countermeasures (Layer::Other) go where their edges
 * put them: with their dependencies' highest layer, or, having none, with their lowest dependant.
 * Never returns Layer::Other.
 */
std::vector<Layer> drawingLayers(const Model &model);

/**
 * Lays the model out in layers, bottom to top: network, platform, functions, apps. Positions are
 * node centres in scene units (y grows downwards, so apps get the smallest y). A pure function:
 * the same model gives the same positions.
 *
 * Up to `graphvizMaxSize` nodes plus edges, rows are assigned here (each layer its own rows, a node
 * above everything it depends on, rows no wider than `maxRowNodes`), Graphviz `dot` orders each
 * row to avoid crossings, and the rows are packed to about `maxRowNodes` wide keeping dot's order.
 * Larger models use gridLayout(): dot's time grows steeply with size (15 s at 1,000 nodes and
 * 1,900 edges of a generated ecosystem, hours at 20,000 nodes), and such a map is read folded into
 * groups anyway.
 */
std::map<std::string, NodePosition> layoutGraph(const Model &model, const LayoutOptions &options = {});

/**
 * The fast deterministic layout for big models: each layer's nodes in rows of kGridColumns, sorted
 * by category, kind and name; each big group (which starts folded) in a narrow strip of columns of
 * its own right of every grid, starting on its layer's first row, so that folded groups sit side by
 * side and an unfolded one runs downwards without covering anything. Layers are as tall as their
 * grids. O(n log n).
 */
std::map<std::string, NodePosition> gridLayout(const Model &model, const LayoutOptions &options = {});

/**
 * The row of every node in the Graphviz layout, 0 at the bottom: layers take disjoint ranges of
 * rows in order, a node sits above all its dependencies, no row holds more than `maxRowNodes`.
 */
std::vector<int> layoutRows(const Model &model, const std::vector<Layer> &layers, std::size_t maxRowNodes);

} // namespace chokepoint::ui
