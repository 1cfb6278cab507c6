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

void Model::buildIndex()
{
    m_index.clear();
    m_index.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        m_index.emplace(nodes[i].id, i); // the first of duplicate ids wins; validate() reports the rest
}

void Model::reindex(std::vector<std::uint32_t> edgeTargets)
{
    buildIndex();
    // With duplicate ids an id may not mean the row it was read from: look them all up instead.
    bool fits = edgeTargets.size() == edgeCount() && m_index.size() == nodes.size();
    m_edgeBegin.assign(nodes.size() + 1, 0);
    std::size_t k = 0;
    for (std::size_t i = 0; i < nodes.size() && fits; ++i) {
        for (const Dependency &d : nodes[i].dependsOn) {
            const std::uint32_t t = edgeTargets[k++];
            fits = t < nodes.size() && nodes[t].id == d.node;
            if (!fits)
                break;
        }
        m_edgeBegin[i + 1] = static_cast<std::uint32_t>(k);
    }
    if (!fits) {
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
            auto it = m_index.find(d.node);
            m_edgeTargets.push_back(it == m_index.end() ? kUnresolved : static_cast<std::uint32_t>(it->second));
        }
        m_edgeBegin[i + 1] = static_cast<std::uint32_t>(m_edgeTargets.size());
    }
}

std::optional<std::size_t> Model::indexOf(std::string_view id) const
{
    auto it = m_index.find(id);
    if (it == m_index.end())
        return std::nullopt;
    return it->second;
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
