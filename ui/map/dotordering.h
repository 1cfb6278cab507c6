#pragma once

#include "map/graphlayout.h"

#include <optional>
#include <vector>

namespace chokepoint::ui {

/**
 * Asks Graphviz `dot` where to put each node along its row: rows are fixed (`rows`, 0 at the
 * bottom, from layoutRows()), dot orders each row to cut down crossings and gives every node an
 * x in points. Returns nothing when Graphviz refuses the graph. Serialised internally: Graphviz
 * keeps global state.
 */
std::optional<std::vector<double>> dotColumns(const Model &model, const std::vector<int> &rows,
                                              const LayoutOptions &options);

} // namespace chokepoint::ui
