#include "engine/rank.h"

#include "engine/diagramstore.h"

#include <algorithm>
#include <tuple>

namespace chokepoint {
namespace {

/// Adds what changed in `changed` (states before in `before`) to `impact`.
void tally(const Model &model, const Evaluator &ev, std::span<const Vertex> changed,
           std::span<const std::uint8_t> before, std::span<const std::uint8_t> excluded,
           std::span<const std::uint8_t> isTarget, BlockImpact &impact)
{
    const Graph &g = ev.graph();
    for (Vertex v : changed) {
        const Node &n = model.nodes[g.nodeOf(v)];
        const std::uint8_t now = static_cast<std::uint8_t>(ev.state(v));
        const bool users = countsUsers(n.kind);
        if (now == 0 && before[v] != 0) {
            ++impact.nodesFailed;
            impact.targetsFailed += isTarget[v];
            if (users) {
                impact.usersLost = addUsers(impact.usersLost, n.users);
                impact.collateralUsersLost = addUsers(impact.collateralUsersLost, excluded[v] ? 0 : n.users);
            }
        } else if (now == 1 && before[v] == 2) {
            ++impact.nodesDegraded;
            if (users) {
                impact.usersDegraded = addUsers(impact.usersDegraded, n.users);
                impact.collateralUsersDegraded = addUsers(impact.collateralUsersDegraded, excluded[v] ? 0 : n.users);
            }
        }
    }
}

} // namespace

std::vector<BlockImpact> rankBlocks(const Model &model, const Evaluator &evaluator,
                                    std::span<const std::string> targets, const RankOptions &options)
{
    const Graph &g = evaluator.graph();
    const std::size_t n = g.vertexCount();
    std::vector<Vertex> roots;
    std::vector<std::uint8_t> isTarget(n, 0), excluded(n, 0);
    for (const std::string &id : targets) {
        if (auto idx = model.indexOf(id)) {
            roots.push_back(g.vertexOf(*idx));
            isTarget[roots.back()] = 1;
        }
    }
    for (Vertex v : g.descendants(roots))
        excluded[v] = 1;
    const std::vector<std::uint8_t> before(evaluator.rawStates().begin(), evaluator.rawStates().end());

    Evaluator ev(evaluator);
    std::vector<BlockImpact> out;
    for (Vertex v = 0; v < n; ++v) {
        const std::uint8_t flags = ev.flags(v);
        if (!g.isBlockable(v) || (flags & kBlocked))
            continue;
        if ((v & 0x3FF) == 0) {
            if (options.stop.stop_requested())
                throw Cancelled();
            if (options.progress)
                options.progress(static_cast<double>(v) / static_cast<double>(n));
        }
        BlockImpact impact;
        impact.node = static_cast<std::uint32_t>(g.nodeOf(v));
        tally(model, ev, ev.setFlags(v, flags | kBlocked), before, excluded, isTarget, impact);
        ev.setFlags(v, flags);
        out.push_back(impact);
    }
    const auto key = [](const BlockImpact &b) {
        return std::make_tuple(-b.collateralUsersLost, -b.usersLost, -static_cast<std::int64_t>(b.nodesFailed));
    };
    auto less = [&](const BlockImpact &a, const BlockImpact &b) {
        if (key(a) != key(b))
            return key(a) < key(b);
        return model.nodes[a.node].id < model.nodes[b.node].id;
    };
    const std::size_t top = options.top ? std::min(options.top, out.size()) : out.size();
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(top), out.end(), less);
    out.resize(top);
    return out;
}

} // namespace chokepoint
