#pragma once

#include "engine/evaluator.h"
#include "engine/impact.h"
#include "engine/rank.h"
#include "model/model.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace chokepoint {

/// One layer's row of the "states by layer" chart.
struct LayerStates
{
    Layer layer = Layer::Network;
    StateCounts counts;
};

/// The layers that hold nodes, bottom to top (network, platform, functions, apps). Countermeasures
/// and logic gates belong to no layer and are left out: a VPN nobody switched on is failed by
/// definition, which is not an impact.
std::vector<LayerStates> statesByLayer(const ImpactFigures &figures);

/// A function or app that is not ok, with the users it touches.
struct AffectedNode
{
    std::uint32_t node = 0; ///< model node index
    State state = State::Failed;
    std::int64_t users = 0;
};

/// The most affected functions and apps of the "users" chart.
struct AffectedList
{
    std::vector<AffectedNode> nodes; ///< most users first; failed before degraded; then by id
    std::size_t total = 0;           ///< how many functions and apps are failed or degraded in all
};

/// The failed or degraded functions and apps with the most users, at most `limit` (0: all).
AffectedList mostAffected(const Model &model, const Evaluator &evaluator, std::size_t limit);

/// The single-block ranking, cut to `top` rows (rank.h; the chart shows 15).
std::vector<BlockImpact> topBlocks(const Model &model, const Evaluator &evaluator,
                                   std::span<const std::string> targets, std::size_t top);

/**
 * Two sets of actions side by side (the "compare" chart): counts by layer under each, users, and
 * the nodes whose failure differs. Lists hold model node indices, apps first, then functions,
 * platform, network and helpers; within a layer most users first, then by id.
 */
struct ScenarioComparison
{
    std::array<StateCounts, kLayerCount> byLayerA{};
    std::array<StateCounts, kLayerCount> byLayerB{};
    std::int64_t usersLostA = 0;
    std::int64_t usersLostB = 0;
    std::int64_t usersDegradedA = 0;
    std::int64_t usersDegradedB = 0;
    std::vector<std::uint32_t> failsOnlyUnderA; ///< failed under A, not failed under B
    std::vector<std::uint32_t> failsOnlyUnderB; ///< failed under B, not failed under A
};

ScenarioComparison compareActions(const Model &model, const Graph &graph, const Actions &a, const Actions &b);

/// One point of a scenario's timeline: the state of things once a step's actions are in force.
struct TimelinePoint
{
    std::string title; ///< the step's title; empty for the starting point
    std::string date;
    std::size_t actions = 0; ///< actions in force, accumulated
    std::int64_t functionsLost = 0;
    std::int64_t appsLost = 0;
    std::int64_t functionsDegraded = 0;
    std::int64_t appsDegraded = 0;
    std::int64_t usersLost = 0;
    std::int64_t usersDegraded = 0;
};

/**
 * The timeline of a scenario with steps: the first point has the scenario's own actions (often
 * none) plus `extra`, then one point after each step, the steps' actions accumulating. Empty when
 * the scenario has no steps.
 */
std::vector<TimelinePoint> scenarioTimeline(const Model &model, const Graph &graph, const Scenario &scenario,
                                            const Actions &extra = {});

/// The sources a report cites: the scenario's, then those of every node acted on or not ok
/// (countermeasures only when acted on), once each (by URL, else title), in node order.
std::vector<Source> citedSources(const Model &model, const Evaluator &evaluator, const Scenario *scenario);

} // namespace chokepoint
