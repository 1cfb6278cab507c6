#pragma once

#include "model/model.h"
#include "util/problem.h"

namespace chokepoint {

/**
 * Checks every rule of DESIGN.md §2–3 on a whole model and returns all problems found, each
 * naming the node or scenario: ids (form, duplicates, unknown references), cycles (the cycle is
 * named), fallbacks under `all`, `atLeast` k out of range, duplicate edges, negative users, and
 * scenario actions on nodes that cannot take them. An empty result means the model is valid.
 */
Problems validate(const Model &model, const std::string &file = {});

/// Checks actions against the model: known ids, block/throttle on blockable nodes, enable on
/// countermeasures. `where` names the scenario (or "command line") in messages.
Problems validateActions(const Model &model, const Actions &actions, const std::string &where,
                         const std::string &file = {});

} // namespace chokepoint
