#pragma once

#include <nlohmann/json.hpp>

namespace chokepoint {

/// JSON value that keeps key order, so unknown fields survive a round trip in the order written.
using Json = nlohmann::ordered_json;

} // namespace chokepoint
