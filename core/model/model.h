#pragma once

#include "model/node.h"
#include "model/scenario.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace chokepoint {

/// The model's own description (the "model" object of the JSON format).
struct ModelInfo
{
    std::string id;
    std::string title;
    std::string description;
    std::string defaultScenario; ///< scenario applied when none is named (MEF house events); may be empty
    Sources sources;
    Json i18n = Json::object();
    Json extra = Json::object();

    friend bool operator==(const ModelInfo &, const ModelInfo &) = default;
};

/**
 * A dependency model: nodes, the edges between them, and scenarios.
 *
 * The model is plain data as read from a file; it is checked by validate() and compiled into a
 * Graph for evaluation. Node order is the file's order and is kept on save.
 */
class Model
{
public:
    Model() = default;
    Model(const Model &other);
    Model &operator=(const Model &other);
    Model(Model &&) noexcept = default;
    Model &operator=(Model &&) noexcept = default;
    ~Model() = default;

    ModelInfo info;
    std::vector<Node> nodes;
    std::vector<Scenario> scenarios;
    Json topExtra = Json::object(); ///< unknown top-level fields, kept on round trip

    /// Rebuilds the id → index map and the resolved edges; call after changing `nodes`.
    void reindex();
    /// The same, for a loader that already knows each edge's target index, in node, then
    /// dependsOn order, and took each dependency's id from its target: nodes[edgeTargets[k]].id
    /// is the k-th edge's id. Nothing is looked up. Falls back to reindex() when the count does
    /// not fit or ids repeat (an id then means the first node that has it).
    void reindex(std::vector<std::uint32_t> edgeTargets);

    /// Marks a dependency whose id names no node.
    static constexpr std::uint32_t kUnresolved = 0xFFFFFFFFu;

    /// The node indices that node `nodeIndex` depends on, in `dependsOn` order (kUnresolved for
    /// unknown ids), as of the last reindex().
    std::span<const std::uint32_t> resolvedDependencies(std::size_t nodeIndex) const
    {
        return {m_edgeTargets.data() + m_edgeBegin[nodeIndex], m_edgeTargets.data() + m_edgeBegin[nodeIndex + 1]};
    }

    /// Whether two nodes share an id (as of the last reindex()); the index keeps the first.
    bool hasDuplicateIds() const { return m_distinctIds != nodes.size(); }

    /// Index of the node with `id`, or nullopt.
    std::optional<std::size_t> indexOf(std::string_view id) const;
    const Node *node(std::string_view id) const;
    const Scenario *scenario(std::string_view id) const;

    std::size_t edgeCount() const;

    friend bool operator==(const Model &a, const Model &b)
    {
        return a.info == b.info && a.nodes == b.nodes && a.scenarios == b.scenarios && a.topExtra == b.topExtra;
    }

private:
    void buildIndex();

    // The id index: open addressing with linear probing over node indices, at most half full, so
    // building it for a million-app model allocates once instead of once per node. A slot holds
    // kEmptySlot, or the upper half of an id's hash above its node's index; ids are compared
    // through `nodes`, so copies and moves stay valid.
    static constexpr std::uint64_t kEmptySlot = ~std::uint64_t{0};
    std::vector<std::uint64_t> m_slots;
    std::size_t m_distinctIds = 0;
    std::vector<std::uint32_t> m_edgeBegin{0};
    std::vector<std::uint32_t> m_edgeTargets;
};

} // namespace chokepoint
