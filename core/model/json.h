#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace chokepoint {

/// JSON value that keeps key order, so unknown fields survive a round trip in the order written.
using Json = nlohmann::ordered_json;

/// `j` as text (pretty-printed with `indent` ≥ 0). Bytes that are not UTF-8 — which a document's
/// TEXT columns or an MEF file's names can hold — become U+FFFD instead of an exception.
inline std::string dumpJson(const Json &j, int indent = -1)
{
    return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace chokepoint
