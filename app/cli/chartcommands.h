#pragma once

#include "context.h"

namespace chokepoint::cli {

/// `chart FILE --chart states|users|rank|compare|timeline --out F.png|svg|pdf [--compare ID]
/// [--size WxH] [--scale S]`: one chart, drawn offscreen by the window's own code (DESIGN.md §5).
int cmdChart(Context &ctx);

/// `report FILE --scenario ID --out F.html|pdf`: the scenario's report (map, charts, figures,
/// sources), drawn offscreen.
int cmdReport(Context &ctx);

} // namespace chokepoint::cli
