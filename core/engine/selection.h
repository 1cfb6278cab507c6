#pragma once

#include "model/model.h"

#include <string>
#include <vector>

namespace chokepoint {

/// What to evaluate: a scenario of the model (or none) plus actions added on top of it.
struct Selection
{
    const Scenario *scenario = nullptr;
    Actions actions;                  ///< the scenario's effective actions, then the extra ones
    std::vector<std::string> targets; ///< the scenario's targets
};

/**
 * Resolves a scenario id (empty: the model's default scenario, if any) and extra actions into the
 * actions to evaluate. `steps` limits how many of the scenario's steps apply (all by default).
 * Throws AnalysisError for an unknown scenario or an action the model cannot take.
 */
Selection select(const Model &model, const std::string &scenarioId, const Actions &extra = {},
                 std::size_t steps = static_cast<std::size_t>(-1));

} // namespace chokepoint
