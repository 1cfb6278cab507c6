#include "io/csv.h"

namespace chokepoint {

std::string csvCell(std::string_view value)
{
    std::string cell;
    if (!value.empty()) {
        const char c = value.front();
        if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r')
            cell += '\'';
    }
    cell += value;
    if (cell.find_first_of(",\"\r\n") == std::string::npos)
        return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    return quoted + '"';
}

std::string csvRow(const std::vector<std::string> &cells)
{
    std::string row;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            row += ',';
        row += csvCell(cells[i]);
    }
    return row + "\r\n";
}

} // namespace chokepoint
