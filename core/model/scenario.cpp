#include "model/scenario.h"

#include <algorithm>

namespace chokepoint {

Actions Scenario::effectiveActions(std::size_t stepCount) const
{
    Actions result = actions;
    const std::size_t n = std::min(stepCount, steps.size());
    for (std::size_t i = 0; i < n; ++i)
        result.insert(result.end(), steps[i].actions.begin(), steps[i].actions.end());
    return result;
}

} // namespace chokepoint
