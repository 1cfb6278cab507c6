#include "model/model.h"

#include "util/parallel.h"

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

std::uint64_t hashId(std::string_view id) { return std::hash<std::string_view>{}(id); }

/// A slot holds the upper half of its id's hash (a tag that settles most mismatches without
/// touching the node) and the node's index.
std::uint64_t slotOf(std::uint64_t hash, std::size_t index) { return (hash & 0xFFFFFFFF00000000u) | index; }
std::uint32_t indexIn(std::uint64_t slot) { return static_cast<std::uint32_t>(slot); }
bool tagsMatch(std::uint64_t slot, std::uint64_t hash) { return (slot ^ hash) >> 32 == 0; }

} // namespace

void Model::buildIndex()
{
    std::size_t capacity = 16;
    while (capacity < 2 * nodes.size())
        capacity *= 2;
    const std::size_t mask = capacity - 1;
    // Hashing reads every id, which is spread over the big Node structs: done in parallel, and
    // apart from the insertions, which can then prefetch their slots.
    std::vector<std::uint64_t> hashes(nodes.size());
    constexpr std::size_t kNodesPerThread = 250'000;
    forRanges(nodes.size(), threadsFor(nodes.size(), kNodesPerThread), [&](std::size_t, IndexRange r) {
        for (std::size_t i = r.begin; i < r.end; ++i)
            hashes[i] = hashId(nodes[i].id);
    });
    m_slots.assign(capacity, kEmptySlot);
    m_distinctIds = 0;
    constexpr std::size_t kPrefetchAhead = 8;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        if (i + kPrefetchAhead < nodes.size())
            __builtin_prefetch(&m_slots[hashes[i + kPrefetchAhead] & mask]);
        const std::uint64_t hash = hashes[i];
        for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
            std::uint64_t &slot = m_slots[s];
            if (slot == kEmptySlot) {
                slot = slotOf(hash, i);
                ++m_distinctIds;
                break;
            }
            if (tagsMatch(slot, hash) && nodes[indexIn(slot)].id == nodes[i].id)
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
    const std::uint64_t hash = hashId(id);
    for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
        const std::uint64_t slot = m_slots[s];
        if (slot == kEmptySlot)
            return std::nullopt;
        if (tagsMatch(slot, hash) && indexIn(slot) < nodes.size() && nodes[indexIn(slot)].id == id)
            return indexIn(slot);
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
