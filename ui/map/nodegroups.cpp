#include "map/nodegroups.h"

#include "document/document.h"
#include "i18n/language.h"

#include <QCoreApplication>
#include <algorithm>
#include <map>
#include <tuple>

namespace chokepoint::ui {
namespace {

struct NodeGroups
{
    Q_DECLARE_TR_FUNCTIONS(NodeGroups)
};

/// A kind in the plural, in English (the translation's source text).
const char *pluralKind(Kind k)
{
    switch (k) {
    case Kind::IpRange:
        return QT_TRANSLATE_NOOP("NodeGroups", "IP ranges");
    case Kind::Port:
        return QT_TRANSLATE_NOOP("NodeGroups", "ports");
    case Kind::Protocol:
        return QT_TRANSLATE_NOOP("NodeGroups", "protocols");
    case Kind::Domain:
        return QT_TRANSLATE_NOOP("NodeGroups", "domains");
    case Kind::Dns:
        return QT_TRANSLATE_NOOP("NodeGroups", "DNS resolvers");
    case Kind::Cdn:
        return QT_TRANSLATE_NOOP("NodeGroups", "CDNs");
    case Kind::Cloud:
        return QT_TRANSLATE_NOOP("NodeGroups", "clouds");
    case Kind::Network:
        return QT_TRANSLATE_NOOP("NodeGroups", "networks");
    case Kind::PlatformService:
        return QT_TRANSLATE_NOOP("NodeGroups", "platform services");
    case Kind::Service:
        return QT_TRANSLATE_NOOP("NodeGroups", "services");
    case Kind::Function:
        return QT_TRANSLATE_NOOP("NodeGroups", "functions");
    case Kind::App:
        return QT_TRANSLATE_NOOP("NodeGroups", "apps");
    case Kind::Countermeasure:
        return QT_TRANSLATE_NOOP("NodeGroups", "countermeasures");
    case Kind::Gate:
        return QT_TRANSLATE_NOOP("NodeGroups", "gates");
    }
    return "";
}

} // namespace

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

QString groupTitle(const Model &model, Kind kind, const std::string &category)
{
    const char *plural = pluralKind(kind);
    const QString kindText = QCoreApplication::translate("NodeGroups", plural);
    QString spaced = qstr(category);
    spaced.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
    // A category that only repeats the kind ("cdn" CDNs, "domain" domains) adds nothing.
    const bool repeatsKind = category.empty() || category == toString(kind) ||
                             QLatin1String(plural).startsWith(spaced, Qt::CaseInsensitive);
    QString title = repeatsKind
                        ? kindText
                        : NodeGroups::tr("%1 %2", "a group's name: its category, then its kind in the plural "
                                                  "(Messaging apps)")
                              .arg(categoryName(model.info, category), kindText);
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

QString groupTitle(const Model &model, const std::string &key)
{
    const auto slash = key.find('/');
    const auto kind = parseKind(std::string_view(key).substr(0, slash));
    if (!kind || slash == std::string::npos)
        return {};
    return groupTitle(model, *kind, key.substr(slash + 1));
}

} // namespace chokepoint::ui
