#pragma once

#include "model/json.h"
#include "model/types.h"

#include <string>
#include <vector>

namespace chokepoint {

/// Evidence for a node, an edge or a scenario: where a fact comes from and how strong it is.
struct Source
{
    std::string url;
    std::string title;
    std::string date; ///< ISO date as written by the source ("2025-12-04", "2025-12", "n.d.")
    Grade grade = Grade::Inference;
    Json extra = Json::object(); ///< fields this version does not know, kept on round trip

    friend bool operator==(const Source &, const Source &) = default;
};

using Sources = std::vector<Source>;

} // namespace chokepoint
