#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace chokepoint {

/**
 * One CSV cell (RFC 4180 quoting), made inert against formula injection: a cell that starts with
 * '=', '+', '-', '@', a tab or a carriage return is prefixed with an apostrophe, so spreadsheets
 * show it as text instead of running it.
 */
std::string csvCell(std::string_view value);

/// A whole CSV row from cells, ending in "\r\n".
std::string csvRow(const std::vector<std::string> &cells);

} // namespace chokepoint
