#pragma once

#include "model/source.h"

#include <string>
#include <vector>

namespace chokepoint {

/// One thing a censor (or a user) does: block a node, throttle it, or enable a countermeasure.
struct Action
{
    std::string node;
    ActionType type = ActionType::Block;
    Json extra = Json::object();

    friend bool operator==(const Action &, const Action &) = default;
};

using Actions = std::vector<Action>;

/// A dated step of a scenario's timeline; steps' actions accumulate.
struct Step
{
    std::string title;
    std::string date;
    std::string notes; ///< presenter notes
    Actions actions;
    Json i18n = Json::object();
    Json extra = Json::object();

    friend bool operator==(const Step &, const Step &) = default;
};

/// The documented real-world outcome of a scenario.
struct Expectation
{
    std::vector<std::string> failed;
    std::vector<std::string> degraded;
    std::vector<std::string> ok;
    Json extra = Json::object();

    bool empty() const { return failed.empty() && degraded.empty() && ok.empty() && extra.empty(); }
    friend bool operator==(const Expectation &, const Expectation &) = default;
};

/// A named set of actions with its targets, timeline, expected outcome and sources (DESIGN.md §4).
struct Scenario
{
    std::string id;
    std::string title;
    std::string date;
    std::string description;
    Actions actions;
    std::vector<std::string> targets;
    std::vector<Step> steps;
    Expectation expect;
    Sources sources;
    Json i18n = Json::object();
    Json extra = Json::object();

    /// The scenario's own actions followed by those of its first `stepCount` steps (all by default).
    Actions effectiveActions(std::size_t stepCount = static_cast<std::size_t>(-1)) const;

    friend bool operator==(const Scenario &, const Scenario &) = default;
};

} // namespace chokepoint
