#pragma once

#include "model/model.h"
#include "util/problem.h"

#include <string>
#include <string_view>

namespace chokepoint {

/// The id of the scenario the MEF import makes for house events set true; it is the model's default.
inline constexpr std::string_view kHouseEventsScenarioId = "house-events";

/**
 * Imports an Open-PSA MEF fault tree as a model (DESIGN.md §4), so that the model's cut sets of
 * the top gate are the tree's minimal cut sets.
 *
 * - A basic event becomes a blockable leaf of kind `service` (also when it is referenced but never
 *   defined). A gate failing means the node is `failed`, so `or` → gate `all`, `and` → gate `any`,
 *   `atleast` k of n → `{"atLeast": n-k+1}`, and `cardinality` min k, max ≥ n → the same as
 *   `atleast`. A gate that is a bare reference or has one input → gate `all` with that one
 *   dependency. A nested formula becomes a helper node of kind `gate` with id `<gate>.1`, `<gate>.2`…
 * - A house event (or a `<constant>` inside a formula) set true becomes a blockable leaf blocked by
 *   the scenario `house-events`, which becomes `model.info.defaultScenario`; one that is false or
 *   has no value is a leaf that is never blocked.
 * - Defined gates are of kind `gate`, except the top gates (those no other gate references), which
 *   are of kind `function` and the targets of the `house-events` scenario.
 * - Names match case-insensitively and keep the defining spelling; characters an id cannot hold
 *   become `_`. A reference by path (`tree.component.gate`) resolves by its last part, since names
 *   are treated as global.
 * - Nodes come in file order. Imported nodes carry no sources: a fault tree is not evidence.
 *
 * Throws InputError naming the file, the line and the gate for malformed XML, non-coherent logic
 * (`not`, `xor`, `nand`, `nor`, `iff`, `imply`, a bounded `cardinality`), undefined gates, duplicate
 * definitions and names that collide as ids; the model is validated before it is returned.
 * Event trees, CCF groups, substitutions and probabilities are not imported; the model's
 * description says what was left out. `file` is used in messages only.
 */
Model parseMefModel(std::string_view xml, const std::string &file);

/// Reads and imports an Open-PSA MEF file; throws InputError on any problem.
Model readMefModel(const std::string &path);

} // namespace chokepoint
