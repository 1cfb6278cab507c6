#include "bench.h"

#include "engine/evaluator.h"
#include "io/modelfile.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>

namespace chokepoint::cli {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(i, values.size() - 1)];
}

/// Microseconds for each of `count` toggles (on, then off) of vertices drawn from `pool`.
std::vector<double> timeToggles(Evaluator &ev, const std::vector<Vertex> &pool, std::size_t count,
                                boost::random::mt19937 &rng)
{
    std::vector<double> us;
    if (pool.empty())
        return us;
    us.reserve(count * 2);
    boost::random::uniform_int_distribution<std::size_t> pick(0, pool.size() - 1);
    for (std::size_t i = 0; i < count; ++i) {
        const Vertex v = pool[pick(rng)];
        const std::uint8_t before = ev.flags(v);
        for (std::uint8_t flags : {static_cast<std::uint8_t>(before ^ kBlocked), before}) {
            const auto start = Clock::now();
            ev.setFlags(v, flags);
            us.push_back(msSince(start) * 1000.0);
        }
    }
    return us;
}

} // namespace

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

Json runPropagationBench(const std::string &path, const BenchOptions &options)
{
    const auto loadStart = Clock::now();
    DocumentData doc = loadModelFile(path);
    const double readMs = msSince(loadStart);
    Graph graph(doc.model);
    const double loadMs = msSince(loadStart);

    Evaluator ev(graph);
    std::vector<double> full;
    for (int i = 0; i < options.fullRuns; ++i) {
        const auto start = Clock::now();
        ev.recomputeAll();
        full.push_back(msSince(start));
    }
    const double fullMs = percentile(full, 0.5);

    std::vector<Vertex> blockable, hubs;
    for (Vertex v = 0; v < graph.vertexCount(); ++v) {
        if (graph.isBlockable(v))
            blockable.push_back(v);
    }
    // The hubs: the 1 % of blockable nodes (at least 10) with the most direct dependants.
    hubs = blockable;
    const std::size_t hubCount = std::min(hubs.size(), std::max<std::size_t>(10, hubs.size() / 100));
    std::partial_sort(hubs.begin(), hubs.begin() + static_cast<long>(hubCount), hubs.end(),
                      [&](Vertex a, Vertex b) { return graph.dependants(a).size() > graph.dependants(b).size(); });
    hubs.resize(hubCount);

    boost::random::mt19937 rng(static_cast<std::uint32_t>(options.seed));
    const auto toggles = timeToggles(ev, blockable, options.toggles, rng);
    const auto hubToggles = timeToggles(ev, hubs, std::min<std::size_t>(options.toggles, 200), rng);

    return Json{{"file", path},
                {"nodes", graph.vertexCount()},
                {"edges", graph.edgeCount()},
                {"blockable", blockable.size()},
                {"load_ms", loadMs},
                {"read_ms", readMs},
                {"compile_ms", loadMs - readMs},
                {"full_ms", fullMs},
                {"ns_per_edge", graph.edgeCount() ? fullMs * 1e6 / static_cast<double>(graph.edgeCount()) : 0.0},
                {"toggles", toggles.size()},
                {"toggle_median_us", percentile(toggles, 0.5)},
                {"toggle_p99_us", percentile(toggles, 0.99)},
                {"toggle_hub_median_us", percentile(hubToggles, 0.5)},
                {"toggle_hub_p99_us", percentile(hubToggles, 0.99)},
                {"peak_rss_mb", peakRssMb()}};
}

} // namespace chokepoint::cli
