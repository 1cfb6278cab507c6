#include "panels/blocksmodel.h"

#include "document/document.h"
#include "i18n/language.h"
#include "style/palette.h"

#include <QCollator>
#include <QFont>
#include <algorithm>

namespace chokepoint::ui {
namespace {

constexpr quintptr kGroupId = 0xFFFFFFFFu; // internalId of group rows; node rows hold their group

enum GroupKey { Ports, Ranges, Domains, Delivery, Services, Listings, Countermeasures, GroupCount };

GroupKey groupOf(const Node &n)
{
    if (n.kind == Kind::Countermeasure)
        return Countermeasures;
    if (n.category.find("store-listing") != std::string::npos)
        return Listings;
    switch (n.kind) {
    case Kind::Port:
    case Kind::Protocol:
        return Ports;
    case Kind::IpRange:
        return Ranges;
    case Kind::Domain:
    case Kind::Dns:
        return Domains;
    case Kind::Cdn:
    case Kind::Cloud:
    case Kind::Network:
        return Delivery;
    default:
        return Services;
    }
}

QString groupTitle(GroupKey key)
{
    switch (key) {
    case Ports: return BlocksModel::tr("Ports and protocols");
    case Ranges: return BlocksModel::tr("IP ranges");
    case Domains: return BlocksModel::tr("Domains and DNS");
    case Delivery: return BlocksModel::tr("Networks, CDNs and clouds");
    case Services: return BlocksModel::tr("Services");
    case Listings: return BlocksModel::tr("Store listings");
    case Countermeasures: return BlocksModel::tr("Countermeasures");
    case GroupCount: break;
    }
    return {};
}

} // namespace

BlocksModel::BlocksModel(Document *document, QObject *parent) : QAbstractItemModel(parent), m_document(document)
{
    QVector<Group> groups(GroupCount);
    for (int key = 0; key < GroupCount; ++key) {
        groups[key].key = key;
        groups[key].title = groupTitle(static_cast<GroupKey>(key));
    }
    for (int i = 0; i < document->nodeCount(); ++i) {
        const Node &n = document->node(i);
        if (n.blockable || n.kind == Kind::Countermeasure)
            groups[groupOf(n)].nodes.push_back(i);
    }
    for (Group &g : groups) {
        if (!g.nodes.isEmpty())
            m_groups.push_back(std::move(g));
    }
    sortNodes();
    connect(document, &Document::statesChanged, this, &BlocksModel::nodesChanged);
    connect(document, &Document::actionsChanged, this, &BlocksModel::nodesChanged);
}

void BlocksModel::sortNodes()
{
    const QCollator collator{QLocale()};
    QHash<int, QString> names;
    m_rowOfNode.fill({-1, -1}, m_document->nodeCount());
    for (int group = 0; group < m_groups.size(); ++group) {
        QVector<int> &nodes = m_groups[group].nodes;
        for (int n : nodes)
            names.insert(n, nodeName(m_document->node(n)));
        std::sort(nodes.begin(), nodes.end(), [&](int a, int b) {
            const int order = collator.compare(names[a], names[b]);
            return order != 0 ? order < 0 : a < b;
        });
        for (int row = 0; row < nodes.size(); ++row)
            m_rowOfNode[nodes[row]] = {group, row};
    }
}

void BlocksModel::retranslate()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QVector<int> nodeOf; // for each persistent index: its node, or -1 on a group row
    for (const QModelIndex &index : before)
        nodeOf.push_back(index.data(NodeIndexRole).toInt());
    for (Group &g : m_groups)
        g.title = groupTitle(static_cast<GroupKey>(g.key));
    sortNodes();
    QModelIndexList after;
    for (int k = 0; k < before.size(); ++k)
        after.push_back(nodeOf[k] < 0 ? before[k] : indexOfNode(nodeOf[k], before[k].column()));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

QModelIndex BlocksModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupId);
    return createIndex(row, column, static_cast<quintptr>(parent.row()));
}

QModelIndex BlocksModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupId)
        return {};
    return createIndex(static_cast<int>(child.internalId()), 0, kGroupId);
}

int BlocksModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.internalId() == kGroupId && parent.column() == 0)
        return static_cast<int>(m_groups[parent.row()].nodes.size());
    return 0;
}

int BlocksModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QModelIndex BlocksModel::indexOfNode(int nodeIndex, int column) const
{
    if (nodeIndex < 0 || nodeIndex >= m_rowOfNode.size() || m_rowOfNode[nodeIndex].first < 0)
        return {};
    const auto [group, row] = m_rowOfNode[nodeIndex];
    return createIndex(row, column, static_cast<quintptr>(group));
}

QVariant BlocksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kGroupId)
        return groupData(index.row(), index.column(), role);
    const int node = m_groups[static_cast<int>(index.internalId())].nodes[index.row()];
    if (role == NodeIndexRole)
        return node;
    return nodeData(node, index.column(), role);
}

QVariant BlocksModel::groupData(int group, int column, int role) const
{
    const Group &g = m_groups[group];
    if (role == NodeIndexRole)
        return -1;
    if (column == NameColumn && role == SearchRole)
        return g.title;
    if (column == NameColumn && role == Qt::DisplayRole) {
        int active = 0;
        for (int n : g.nodes)
            active += m_document->action(n) != NodeAction::None;
        return active ? tr("%1 (%2, %3 active)").arg(g.title).arg(g.nodes.size()).arg(active)
                      : tr("%1 (%2)").arg(g.title).arg(g.nodes.size());
    }
    if (column == NameColumn && role == Qt::FontRole) {
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant BlocksModel::nodeData(int node, int column, int role) const
{
    const Node &n = m_document->node(node);
    const bool countermeasure = n.kind == Kind::Countermeasure;
    const NodeAction action = m_document->action(node);
    const State state = m_document->state(node);
    switch (column) {
    case NameColumn:
        if (role == Qt::DisplayRole)
            return nodeName(n);
        if (role == SearchRole)
            return QStringList{nodeName(n), qstr(n.name), qstr(n.id)}.join(QLatin1Char('\n'));
        if (role == Qt::ToolTipRole)
            return tr("%1 — %2\n%3").arg(qstr(n.id), kindName(n.kind), nodeDescription(n));
        break;
    case StateColumn:
        if (role == Qt::DisplayRole) {
            if (countermeasure && action != NodeAction::Enable)
                return tr("off");
            return QStringLiteral("%1 %2").arg(stateMark(state), stateName(state));
        }
        if (role == Qt::ForegroundRole && !(countermeasure && action != NodeAction::Enable))
            return Palette::screen().stateColor(state);
        break;
    case BlockColumn:
        if (role == Qt::CheckStateRole)
            return (countermeasure ? action == NodeAction::Enable : action == NodeAction::Block) ? Qt::Checked
                                                                                                : Qt::Unchecked;
        if (role == Qt::ToolTipRole)
            return countermeasure ? tr("Enable %1").arg(nodeName(n)) : tr("Block %1").arg(nodeName(n));
        break;
    case ThrottleColumn:
        if (role == Qt::CheckStateRole && n.blockable)
            return action == NodeAction::Throttle ? Qt::Checked : Qt::Unchecked;
        if (role == Qt::ToolTipRole && n.blockable)
            return tr("Throttle %1: slow it down without cutting it off").arg(nodeName(n));
        break;
    default:
        break;
    }
    return {};
}

bool BlocksModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.internalId() == kGroupId || role != Qt::CheckStateRole)
        return false;
    const int node = m_groups[static_cast<int>(index.internalId())].nodes[index.row()];
    const Node &n = m_document->node(node);
    const bool on = value.toInt() == Qt::Checked;
    NodeAction next = NodeAction::None;
    if (index.column() == BlockColumn)
        next = on ? (n.kind == Kind::Countermeasure ? NodeAction::Enable : NodeAction::Block) : NodeAction::None;
    else if (index.column() == ThrottleColumn)
        next = on ? NodeAction::Throttle : NodeAction::None;
    else
        return false;
    // The document pushes the command; its signals come back through nodesChanged().
    m_document->setNodeAction(qstr(n.id), next);
    return true;
}

Qt::ItemFlags BlocksModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() == kGroupId)
        return f;
    const Node &n = m_document->node(m_groups[static_cast<int>(index.internalId())].nodes[index.row()]);
    if (index.column() == BlockColumn && (n.blockable || n.kind == Kind::Countermeasure))
        f |= Qt::ItemIsUserCheckable;
    if (index.column() == ThrottleColumn && n.blockable)
        f |= Qt::ItemIsUserCheckable;
    return f;
}

QVariant BlocksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case BlockColumn: return tr("Block the node; for a countermeasure, switch it on");
        case ThrottleColumn: return tr("Throttle the node: slow it down without cutting it off");
        default: return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn: return tr("Node");
    case StateColumn: return tr("State");
    case BlockColumn: return tr("Block / on", "column header, kept short");
    case ThrottleColumn: return tr("Throttle", "column header, kept short");
    default: return {};
    }
}

void BlocksModel::nodesChanged(const QVector<int> &nodes)
{
    QVector<int> groups;
    for (int node : nodes) {
        const QModelIndex first = indexOfNode(node, NameColumn);
        if (!first.isValid())
            continue;
        Q_EMIT dataChanged(first, indexOfNode(node, ThrottleColumn));
        if (!groups.contains(static_cast<int>(first.internalId())))
            groups.push_back(static_cast<int>(first.internalId()));
    }
    for (int g : groups)
        Q_EMIT dataChanged(index(g, NameColumn), index(g, NameColumn)); // the "N active" count
}

} // namespace chokepoint::ui
