#include "engine/prediction.h"

#include <gtest/gtest.h>

#include <vector>

namespace chokepoint {
namespace {

constexpr State F = State::Failed;
constexpr State D = State::Degraded;
constexpr State O = State::Ok;

TEST(Prediction, SortsEveryMarkIntoHitsPartialWrongAndSurprises)
{
    // node:                      0  1  2  3  4  5  6  7
    const std::vector<State> before{O, O, O, O, O, F, O, O};
    const std::vector<State> after{F, F, D, O, F, F, F, F};
    const std::vector<char> acted{1, 0, 0, 0, 0, 0, 0, 0}; // node 0 was blocked
    // Marked: 0 (given), 1 (fails), 2 (degrades), 3 (survives), 5 (already down), 1 again.
    const std::vector<std::size_t> predicted{3, 1, 2, 0, 5, 1, 99};
    const PredictionScore s = scorePrediction(before, after, acted, predicted);
    EXPECT_EQ(s.hits, (std::vector<std::size_t>{1}));
    EXPECT_EQ(s.partial, (std::vector<std::size_t>{2}));
    EXPECT_EQ(s.wrong, (std::vector<std::size_t>{3}));
    EXPECT_EQ(s.surprises, (std::vector<std::size_t>{4, 6, 7}));
    EXPECT_EQ(s.percentFound(), 25); // 1 of the 4 that newly failed
}

TEST(Prediction, NothingFailingIsAPerfectScoreWithNothingToFind)
{
    const std::vector<State> states{O, D};
    const std::vector<char> acted{0, 0};
    const PredictionScore s = scorePrediction(states, states, acted, std::vector<std::size_t>{});
    EXPECT_TRUE(s.hits.empty() && s.partial.empty() && s.wrong.empty() && s.surprises.empty());
    EXPECT_EQ(s.percentFound(), 100);
}

} // namespace
} // namespace chokepoint
