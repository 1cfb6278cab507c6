#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace chokepoint::cli {

/// Exit codes of chokepoint-cli (DESIGN.md §5).
enum ExitCode : int { kDone = 0, kAnalysisFailed = 1, kBadUsage = 2, kBadInput = 3 };

/**
 * Runs `chokepoint-cli` with `args` (without the program name), writing results to `out` and
 * messages to `err`. Returns the exit code. Kept out of main() so tests can run it in-process.
 */
int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err);

} // namespace chokepoint::cli
