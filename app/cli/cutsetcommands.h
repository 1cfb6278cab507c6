#pragma once

#include "context.h"

namespace chokepoint::cli {

/// `cutsets FILE --target ID [--max-size K] [--limit N] [--protect ID]...` (DESIGN.md §5).
int cmdCutsets(Context &ctx);

/// `rank FILE [--top N]`: the single-block ranking (DESIGN.md §3, "Rank").
int cmdRank(Context &ctx);

} // namespace chokepoint::cli
