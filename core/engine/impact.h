#pragma once

#include "engine/evaluator.h"

#include <array>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace chokepoint {

/// How many nodes are in each state.
struct StateCounts
{
    std::int64_t ok = 0;
    std::int64_t degraded = 0;
    std::int64_t failed = 0;

    void add(State s) { (s == State::Ok ? ok : s == State::Degraded ? degraded : failed) += 1; }
    std::int64_t total() const { return ok + degraded + failed; }
    friend bool operator==(const StateCounts &, const StateCounts &) = default;
};

/// Counts and users over a set of nodes. Users add up disruptions, not distinct people: one person
/// who loses two apps counts twice.
struct ImpactFigures
{
    std::array<StateCounts, kLayerCount> byLayer{};
    std::array<StateCounts, kKindCount> byKind{};
    std::map<std::string, StateCounts> byCategory; ///< nodes without a category are left out
    std::int64_t usersLost = 0;     ///< sum of users over failed functions and apps
    std::int64_t usersDegraded = 0; ///< sum of users over degraded functions and apps
    StateCounts functions;
    StateCounts apps;
};

/// The impact of a scenario (DESIGN.md §3): every node's state and the figures, over all nodes
/// and over the collateral nodes (neither a target nor depending on one).
struct Impact
{
    ImpactFigures all;
    ImpactFigures collateral;
    std::vector<std::string> targets;
    std::size_t blocks = 0;
    std::size_t throttles = 0;
    std::size_t enabled = 0;
};

/// Computes the impact of the evaluator's current actions; `targets` are node ids.
Impact computeImpact(const Model &model, const Evaluator &evaluator, std::span<const std::string> targets);

} // namespace chokepoint
