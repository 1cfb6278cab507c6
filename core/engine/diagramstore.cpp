#include "engine/diagramstore.h"

#include <algorithm>
#include <string>

namespace chokepoint {

DiagramStore::DiagramStore(DiagramLimits limits) : m_limits(std::move(limits))
{
    m_nodes.reserve(1024);
    m_nodes.push_back(Node{kTerminalLevel, kZero, kZero}); // 0: the empty family / false
    m_nodes.push_back(Node{kTerminalLevel, kOne, kOne});   // 1: {∅} / true
    m_table.assign(std::size_t{1} << 12, 0);
    m_mask = m_table.size() - 1;
}

DiagramStore::Ref DiagramStore::add(std::size_t slot, std::uint64_t tag, std::uint32_t level, Ref low,
                                    Ref high)
{
    const std::size_t n = m_nodes.size();
    if ((n & 0x3FFF) == 0) {
        if (m_limits.stop.stop_requested())
            throw Cancelled();
        if (n >= m_limits.maxNodes)
            throw DiagramTooLarge("the decision diagrams grew past " + std::to_string(m_limits.maxNodes) +
                                " nodes: the problem is too large (a bound on the set size helps)");
    }
    const Ref r = static_cast<Ref>(n);
    m_nodes.push_back(Node{level, low, high});
    m_table[slot] = tag | r;
    if (m_nodes.size() * 2 > m_table.size())
        grow();
    return r;
}

void DiagramStore::reserve(std::size_t nodes)
{
    nodes = std::min(nodes, m_limits.maxNodes);
    m_nodes.reserve(nodes);
    std::size_t size = m_table.size();
    while (size < nodes * 2)
        size *= 2;
    if (size > m_table.size())
        rehash(size);
}

void DiagramStore::grow()
{
    rehash(m_table.size() * 2);
}

void DiagramStore::rehash(std::size_t size)
{
    m_table.assign(size, 0);
    m_mask = m_table.size() - 1;
    for (Ref r = 2; r < m_nodes.size(); ++r) {
        const Node &n = m_nodes[r];
        const std::uint64_t h = hash(n.level, n.low, n.high);
        std::size_t slot = h & m_mask;
        while (m_table[slot] != 0)
            slot = (slot + 1) & m_mask;
        m_table[slot] = (h & kTagMask) | r;
    }
}

} // namespace chokepoint
