#pragma once

#include "model/model.h"

#include <iosfwd>
#include <vector>

namespace chokepoint {

/*
 * Both exports draw edges from a dependency to the node that depends on it, so that arrows flow
 * up from the network towards the apps, as the map is drawn. `states`, when given, holds one state
 * per node (indexed like model.nodes) and adds a `state` attribute to every node; it throws
 * std::invalid_argument when its size does not match.
 */

/**
 * Writes the graph as GraphML (http://graphml.graphdrawing.org/xmlns) for yEd, Gephi, networkx and
 * the like. Nodes carry the keys name, kind, layer, gate, blockable, users, category, owner (and
 * state); edges carry `type` (hard, fallback, soft). Characters XML 1.0 cannot hold are written as
 * U+FFFD.
 */
void writeGraphML(const Model &m, const std::vector<State> *states, std::ostream &out);

/**
 * Writes the graph as a Graphviz `digraph`: nodes by quoted id labelled with their names, one
 * `rank=same` group per layer drawn bottom to top (rankdir=BT), fallback edges dashed and soft
 * edges dotted. With states, nodes are filled in the Okabe–Ito colours of their state and failed
 * ones also get a double outline and degraded ones a dashed one, so colour is never the only cue.
 */
void writeDot(const Model &m, const std::vector<State> *states, std::ostream &out);

} // namespace chokepoint
