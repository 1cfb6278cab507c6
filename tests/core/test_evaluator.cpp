// The compiled graph's levels and the parallel full recompute: same states as one thread.
#include "engine/evaluator.h"
#include "model/generator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace chokepoint {
namespace {

TEST(GraphLevels, EachLevelDependsOnlyOnLowerOnes)
{
    const Model model = generateEcosystem(2'000, 4);
    const Graph graph(model);
    const auto levels = graph.levelBegin();
    ASSERT_GE(levels.size(), 3u); // a generated ecosystem has several layers
    EXPECT_EQ(levels.front(), 0u);
    EXPECT_EQ(levels.back(), graph.vertexCount());
    for (std::size_t l = 0; l + 1 < levels.size(); ++l) {
        ASSERT_LT(levels[l], levels[l + 1]) << "level " << l << " is empty";
        for (Vertex v = levels[l]; v < levels[l + 1]; ++v) {
            for (Vertex d : graph.dependencies(v))
                EXPECT_LT(d, levels[l]) << "vertex " << v << " depends on its own level or a higher one";
        }
    }
}

TEST(ParallelRecompute, GivesTheStatesOfOneThread)
{
    // Large enough that the big levels are split between threads.
    const Model model = generateEcosystem(40'000, 8);
    const Graph graph(model);
    // Actions on vertices with many dependants, so that they reach far.
    std::vector<Vertex> hubs(graph.vertexCount());
    for (Vertex v = 0; v < graph.vertexCount(); ++v)
        hubs[v] = v;
    std::partial_sort(hubs.begin(), hubs.begin() + 300, hubs.end(), [&](Vertex a, Vertex b) {
        return graph.dependants(a).size() > graph.dependants(b).size();
    });
    hubs.resize(300);
    std::mt19937 rng(3);
    for (int round = 0; round < 4; ++round) {
        Evaluator one(graph), many(graph);
        for (int k = 0; k < 12; ++k) {
            const Vertex v = hubs[rng() % hubs.size()];
            const std::uint8_t flags = graph.isCountermeasure(v) ? kEnabled : (k % 3 ? kBlocked : kThrottled);
            one.setFlags(v, flags);
            many.setFlags(v, flags);
        }
        one.recomputeAll(1);
        many.recomputeAll(static_cast<std::size_t>(2 + round)); // odd counts split unevenly
        std::size_t failed = 0, degraded = 0;
        for (Vertex v = 0; v < graph.vertexCount(); ++v) {
            ASSERT_EQ(one.state(v), many.state(v)) << "vertex " << v << ", round " << round;
            failed += one.state(v) == State::Failed;
            degraded += one.state(v) == State::Degraded;
        }
        // The actions must reach far, or the test would compare two nearly all-ok arrays.
        EXPECT_GT(failed, 1'000u);
        EXPECT_GT(degraded, 1'000u);
    }
}

} // namespace
} // namespace chokepoint
