#pragma once

#include "engine/evaluator.h"
#include "engine/impact.h"
#include "engine/rank.h"
#include "model/model.h"

#include <string>
#include <vector>

namespace chokepoint {

/**
 * The tables the window exports, in the same columns as `chokepoint-cli impact|rank --format
 * csv|json`. CSV cells go through csvCell(), so a name such as `=HYPERLINK("x")` stays text in a
 * spreadsheet.
 */

/// The note every users figure carries.
inline constexpr const char *kUsersNote = "users add up disruptions, not distinct people";

/// Where a scenario's documented outcome and the engine disagree:
/// {"checked": N, "holds": bool, "mismatches": [{"node", "expected", "actual"}]}.
Json expectationJson(const Model &model, const Evaluator &evaluator, const Expectation &expect);

/// Every node's state: id, name, kind, layer, category, state, users, action.
std::string statesCsv(const Model &model, const Evaluator &evaluator);

/// The single-block ranking: rank, node, name, kind, collateral and total users lost and degraded,
/// nodes failed and degraded, targets failed.
std::string rankCsv(const Model &model, const std::vector<BlockImpact> &rank);

/// DESIGN.md §5's impact JSON: {"states": {ID: state}, "summary": {...}}; `scenario` may be null.
Json impactJson(const Model &model, const Evaluator &evaluator, const Impact &impact,
                const Scenario *scenario);

} // namespace chokepoint
