#include "engine/selection.h"

#include "model/validate.h"
#include "util/problem.h"

namespace chokepoint {

Selection select(const Model &model, const std::string &scenarioId, const Actions &extra, std::size_t steps)
{
    Selection sel;
    const std::string id = scenarioId.empty() ? model.info.defaultScenario : scenarioId;
    if (!id.empty() && id != "none") {
        sel.scenario = model.scenario(id);
        if (!sel.scenario) {
            std::string known;
            for (const Scenario &s : model.scenarios)
                known += (known.empty() ? "" : ", ") + s.id;
            throw AnalysisError("unknown scenario '" + id + "'" +
                                (known.empty() ? std::string(" (the model has none)") : " (known: " + known + ")"));
        }
        sel.actions = sel.scenario->effectiveActions(steps);
        sel.targets = sel.scenario->targets;
    }
    Problems problems = validateActions(model, extra, "the command line");
    if (!problems.empty())
        throw AnalysisError(problems.front().message);
    sel.actions.insert(sel.actions.end(), extra.begin(), extra.end());
    return sel;
}

} // namespace chokepoint
