#include "engine/prediction.h"

#include <cassert>

namespace chokepoint {

int PredictionScore::percentFound() const
{
    const std::size_t failed = hits.size() + surprises.size();
    if (failed == 0)
        return 100;
    return static_cast<int>((100 * hits.size() + failed / 2) / failed);
}

PredictionScore scorePrediction(std::span<const State> before, std::span<const State> after,
                                std::span<const char> actedOn, std::span<const std::size_t> predicted)
{
    assert(before.size() == after.size() && after.size() == actedOn.size());
    const std::size_t n = after.size();
    std::vector<char> marked(n, 0);
    for (std::size_t i : predicted) {
        if (i < n)
            marked[i] = 1;
    }
    PredictionScore score;
    for (std::size_t i = 0; i < n; ++i) {
        if (actedOn[i] || before[i] == State::Failed)
            continue; // given, or already down: nothing to predict
        if (marked[i]) {
            if (after[i] == State::Failed)
                score.hits.push_back(i);
            else if (after[i] == State::Degraded)
                score.partial.push_back(i);
            else
                score.wrong.push_back(i);
        } else if (after[i] == State::Failed) {
            score.surprises.push_back(i);
        }
    }
    return score;
}

} // namespace chokepoint
