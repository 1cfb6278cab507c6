#include "model/model.h"

namespace chokepoint {

void Model::reindex()
{
    m_index.clear();
    m_index.reserve(nodes.size());
    for (std::size_t i = 0; i < nodes.size(); ++i)
        m_index.emplace(nodes[i].id, i); // the first of duplicate ids wins; validate() reports the rest
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
