#include "model/model.h"

namespace chokepoint {

Model::Model(const Model &other)
    : info(other.info), nodes(other.nodes), scenarios(other.scenarios), topExtra(other.topExtra)
{
    reindex();
}

Model &Model::operator=(const Model &other)
{
    if (this != &other) {
        Model copy(other);
        *this = std::move(copy);
    }
    return *this;
}

namespace {

std::size_t hashId(std::string_view id) { return std::hash<std::string_view>{}(id); }

} // namespace

void Model::buildIndex()
{
    std::size_t capacity = 16;
    while (capacity < 2 * nodes.size())
        capacity *= 2;
    m_slots.assign(capacity, kEmptySlot);
    m_distinctIds = 0;
    const std::size_t mask = capacity - 1;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (std::size_t s = hashId(nodes[i].id) & mask;; s = (s + 1) & mask) {
            std::uint32_t &slot = m_slots[s];
            if (slot == kEmptySlot) {
                slot = static_cast<std::uint32_t>(i);
                ++m_distinctIds;
                break;
            }
            if (nodes[slot].id == nodes[i].id)
                break; // the first of duplicate ids wins; validate() reports the rest
        }
    }
}

void Model::reindex(std::vector<std::uint32_t> edgeTargets)
{
    buildIndex();
    m_edgeBegin.assign(nodes.size() + 1, 0);
    std::size_t k = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        k += nodes[i].dependsOn.size();
        m_edgeBegin[i + 1] = static_cast<std::uint32_t>(k);
    }
    // With duplicate ids an id may not mean the row it was read from: look them all up instead.
    if (k != edgeTargets.size() || m_distinctIds != nodes.size()) {
        reindex();
        return;
    }
    m_edgeTargets = std::move(edgeTargets);
}

void Model::reindex()
{
    buildIndex();

    m_edgeBegin.assign(nodes.size() + 1, 0);
    m_edgeTargets.clear();
    m_edgeTargets.reserve(edgeCount());
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        for (const Dependency &d : nodes[i].dependsOn) {
            const auto target = indexOf(d.node);
            m_edgeTargets.push_back(target ? static_cast<std::uint32_t>(*target) : kUnresolved);
        }
        m_edgeBegin[i + 1] = static_cast<std::uint32_t>(m_edgeTargets.size());
    }
}

std::optional<std::size_t> Model::indexOf(std::string_view id) const
{
    if (m_slots.empty())
        return std::nullopt;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t s = hashId(id) & mask;; s = (s + 1) & mask) {
        const std::uint32_t slot = m_slots[s];
        if (slot == kEmptySlot)
            return std::nullopt;
        if (slot < nodes.size() && nodes[slot].id == id)
            return slot;
    }
}

const Node *Model::node(std::string_view id) const
{
    auto i = indexOf(id);
    return i ? &nodes[*i] : nullptr;
}

const Scenario *Model::scenario(std::string_view id) const
{
    for (const Scenario &s : scenarios) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

std::size_t Model::edgeCount() const
{
    std::size_t n = 0;
    for (const Node &node : nodes)
        n += node.dependsOn.size();
    return n;
}

} // namespace chokepoint
