#include "map/nodegroups.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace chokepoint::ui {

std::string groupKeyOf(const Node &node)
{
    if (node.category.empty())
        return {};
    return std::string(toString(node.kind)) + "/" + node.category;
}

std::vector<NodeGroup> groupNodes(const Model &model)
{
    std::map<std::string, NodeGroup> byKey;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node &n = model.nodes[i];
        std::string key = groupKeyOf(n);
        if (key.empty())
            continue;
        NodeGroup &g = byKey[key];
        if (g.members.empty()) {
            g.key = key;
            g.kind = n.kind;
            g.category = n.category;
        }
        g.members.push_back(static_cast<int>(i));
    }
    std::vector<NodeGroup> out;
    for (auto &[key, g] : byKey) {
        if (g.members.size() < 2)
            continue;
        std::sort(g.members.begin(), g.members.end(), [&](int a, int b) {
            const Node &na = model.nodes[static_cast<std::size_t>(a)];
            const Node &nb = model.nodes[static_cast<std::size_t>(b)];
            return std::tie(na.name, na.id) < std::tie(nb.name, nb.id);
        });
        out.push_back(std::move(g));
    }
    return out;
}

} // namespace chokepoint::ui
