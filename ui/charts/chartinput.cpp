#include "charts/chartinput.h"

#include "charts/chartkind.h"
#include "document/document.h"

namespace chokepoint::ui {

QString ChartInput::subject() const
{
    if (scenario) {
        const QString title = scenarioTitle(*scenario);
        if (extraActions == 0)
            return title;
        return Charts::tr("%1 + %n more action(s)", nullptr, static_cast<int>(extraActions)).arg(title);
    }
    if (actions.empty())
        return Charts::tr("nothing blocked");
    return Charts::tr("%n action(s) chosen by hand", nullptr, static_cast<int>(actions.size()));
}

ChartInput chartInput(const Document &document, const Scenario *compareWith)
{
    ChartInput in;
    in.model = &document.model();
    in.evaluator = &document.evaluator();
    in.scenario = document.scenario();
    in.actions = document.actions();
    in.targets = document.impact().targets;
    in.compareWith = compareWith;
    in.timelineScenario = in.scenario;
    return in;
}

} // namespace chokepoint::ui
