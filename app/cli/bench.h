#pragma once

#include "model/json.h"

#include <cstdint>
#include <string>

namespace chokepoint::cli {

struct BenchOptions
{
    std::size_t toggles = 2000; ///< single toggles to time (each block, then its release)
    std::uint64_t seed = 1;     ///< picks which blockable nodes are toggled
    int fullRuns = 9;           ///< full recomputes to take the median of
};

/**
 * Times propagation on a model file and returns one JSON object: nodes, edges, load_ms (read,
 * validate and compile: read_ms + compile_ms), full_ms and ns_per_edge (median full recompute), toggle_median_us
 * and toggle_p99_us (incremental recompute after blocking or releasing one blockable node, drawn
 * uniformly), the same for the most-depended-on blockable nodes (toggle_hub_*), peak_rss_mb.
 */
Json runPropagationBench(const std::string &path, const BenchOptions &options);

/// Peak resident set size of this process so far, in MiB.
double peakRssMb();

} // namespace chokepoint::cli
