#include "map/mapscene.h"

#include "document/document.h"
#include "map/edgeitem.h"
#include "map/graphlayout.h"
#include "map/groupitem.h"
#include "map/layerbanditem.h"
#include "map/mapconstants.h"
#include "map/mapcontroller.h"
#include "map/nodeitem.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>
#include <functional>

namespace chokepoint::ui {

using namespace mapstyle;

namespace {

/// The view setting holding the groups whose folding differs from the default, as a JSON object.
const QString kGroupsSetting = QStringLiteral("map.groups");

/// "Messaging apps", "Apple core platform services", "Domains".
QString titleOf(const Model &model, const NodeGroup &g)
{
    return groupTitle(model, g.kind, g.category);
}

int stateIndex(State s) { return static_cast<int>(s); }

constexpr std::array<Layer, 4> kBandOrder{Layer::App, Layer::Function, Layer::Platform, Layer::Network};

} // namespace

MapScene::MapScene(Document *document, QObject *parent)
    : QGraphicsScene(parent), m_document(document), m_palette(Palette::screen()),
      m_controller(std::make_unique<MapController>(this))
{
    setBackgroundBrush(m_palette.background);
    setItemIndexMethod(QGraphicsScene::BspTreeIndex);
    ensureLayout();
    buildItems();
    connect(m_document, &Document::statesChanged, this, &MapScene::onStatesChanged);
    connect(m_document, &Document::actionsChanged, this, &MapScene::onActionsChanged);
    connect(m_document, &Document::positionChanged, this, &MapScene::onPositionChanged);
    connect(m_document, &Document::groupFoldChanged, this, [this](const QString &key, bool folded) {
        if (const auto it = m_groupByKey.find(key); it != m_groupByKey.end())
            setGroupFolded(*it, folded);
    });
}

MapScene::~MapScene()
{
    clear(); // items first: they point at m_palette
}

// --- building -----------------------------------------------------------------------------------

void MapScene::ensureLayout()
{
    const Model &model = m_document->model();
    const bool complete = std::all_of(model.nodes.begin(), model.nodes.end(), [&](const Node &n) {
        return m_document->position(qstr(n.id)).has_value();
    });
    if (!complete) // once per model: stored in the document, so a toggle never lays out again
        m_document->setLayout(layoutGraph(model));
}

void MapScene::buildItems()
{
    const Model &model = m_document->model();
    m_nodeCount = m_document->nodeCount();
    const auto n = static_cast<std::size_t>(m_nodeCount);
    m_layers = drawingLayers(model);
    m_deps.assign(n, {});
    m_dependants.assign(n, {});
    for (std::size_t i = 0; i < n; ++i) {
        const auto resolved = model.resolvedDependencies(i);
        for (std::size_t k = 0; k < resolved.size(); ++k) {
            if (resolved[k] == Model::kUnresolved || resolved[k] == i)
                continue;
            const DepType t = model.nodes[i].dependsOn[k].type;
            m_deps[i].push_back({static_cast<int>(resolved[k]), t});
            m_dependants[resolved[k]].push_back({static_cast<int>(i), t});
        }
    }

    m_groups = groupNodes(model);
    m_groupOf.assign(n, -1);
    m_groupByKey.clear();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        m_groupByKey.insert(qstr(m_groups[g].key), static_cast<int>(g));
        for (int m : m_groups[g].members)
            m_groupOf[static_cast<std::size_t>(m)] = static_cast<int>(g);
    }
    m_folded.assign(m_groups.size(), 0);
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        m_folded[g] = m_groups[g].members.size() > static_cast<std::size_t>(kAutoCollapseMembers);
    readCollapsedSetting();

    m_states.resize(n);
    m_groupCounts.assign(m_groups.size(), {0, 0, 0});
    for (std::size_t i = 0; i < n; ++i) {
        m_states[i] = m_document->state(static_cast<int>(i));
        if (m_groupOf[i] >= 0)
            ++m_groupCounts[static_cast<std::size_t>(m_groupOf[i])][static_cast<std::size_t>(stateIndex(m_states[i]))];
    }
    m_previewed.assign(n, 0);
    m_marks.assign(n, NodeMark::None);
    m_groupPreview.assign(m_groups.size(), 0);

    m_repOf.resize(n);
    m_nodeItems.assign(n, nullptr);
    m_groupItems.assign(m_groups.size(), nullptr);
    m_edgesAt.assign(static_cast<std::size_t>(visualCount()), {});
    m_portsDirty.assign(static_cast<std::size_t>(visualCount()), 0);
    for (std::size_t i = 0; i < n; ++i) {
        const int g = m_groupOf[i];
        if (g >= 0 && m_folded[static_cast<std::size_t>(g)]) {
            m_repOf[i] = m_nodeCount + g;
        } else {
            m_repOf[i] = static_cast<int>(i);
            createNodeItem(static_cast<int>(i));
        }
    }
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        if (m_folded[g])
            createGroupItem(static_cast<int>(g));
    for (std::size_t i = 0; i < n; ++i)
        for (const Dep &d : m_deps[i])
            addDependency(m_repOf[static_cast<std::size_t>(d.node)], m_repOf[i], d.type);
    layoutDirtyEdges();

    for (Layer l : kBandOrder) {
        auto *band = new LayerBandItem(l, &m_palette);
        addItem(band);
        m_bands[static_cast<std::size_t>(l)] = band;
    }
    updateBands();
}

void MapScene::readCollapsedSetting()
{
    const QJsonObject o = QJsonDocument::fromJson(m_document->viewSetting(kGroupsSetting).toUtf8()).object();
    for (auto it = o.begin(); it != o.end(); ++it)
        if (const auto g = m_groupByKey.find(it.key()); g != m_groupByKey.end() && it.value().isBool())
            m_folded[static_cast<std::size_t>(*g)] = it.value().toBool();
}

void MapScene::writeCollapsedSetting()
{
    QJsonObject o;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        const bool byDefault = m_groups[g].members.size() > static_cast<std::size_t>(kAutoCollapseMembers);
        if (static_cast<bool>(m_folded[g]) != byDefault)
            o.insert(qstr(m_groups[g].key), static_cast<bool>(m_folded[g]));
    }
    m_document->setViewSetting(kGroupsSetting,
                               o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

NodeItem *MapScene::createNodeItem(int index)
{
    auto *item = new NodeItem(index, m_document->node(index), &m_palette);
    item->setState(m_states[static_cast<std::size_t>(index)]);
    item->setAction(m_document->action(index));
    item->setPreviewed(m_previewed[static_cast<std::size_t>(index)]);
    item->setMark(m_marks[static_cast<std::size_t>(index)]);
    item->setPos(nodeCentre(index));
    addItem(item);
    m_nodeItems[static_cast<std::size_t>(index)] = item;
    return item;
}

GroupItem *MapScene::createGroupItem(int group)
{
    const NodeGroup &g = m_groups[static_cast<std::size_t>(group)];
    auto *item = new GroupItem(group, titleOf(m_document->model(), g), &m_palette);
    item->setCounts(m_groupCounts[static_cast<std::size_t>(group)]);
    item->setPreviewed(m_groupPreview[static_cast<std::size_t>(group)]);
    item->setPos(nodeCentre(g.members.front()));
    addItem(item);
    m_groupItems[static_cast<std::size_t>(group)] = item;
    return item;
}

QPointF MapScene::nodeCentre(int index) const
{
    const auto p = m_document->position(qstr(m_document->node(index).id));
    return p ? QPointF(p->x, p->y) : QPointF();
}

// --- visuals: the node and group items on the map ---------------------------------------------

QGraphicsItem *MapScene::visualItem(int visual) const
{
    if (isGroupVisual(visual))
        return m_groupItems[static_cast<std::size_t>(visual - m_nodeCount)];
    return m_nodeItems[static_cast<std::size_t>(visual)];
}

State MapScene::edgeState(int visual) const
{
    // A countermeasure nobody switched on is "off", not a failure to follow upwards.
    if (!isGroupVisual(visual) && m_document->node(visual).kind == Kind::Countermeasure &&
        m_document->action(visual) != NodeAction::Enable)
        return State::Ok;
    return visualState(visual);
}

State MapScene::visualState(int visual) const
{
    if (isGroupVisual(visual)) {
        const auto &c = m_groupCounts[static_cast<std::size_t>(visual - m_nodeCount)];
        return c[0] ? State::Failed : c[1] ? State::Degraded : State::Ok;
    }
    return m_states[static_cast<std::size_t>(visual)];
}

Layer MapScene::visualLayer(int visual) const
{
    const int node = isGroupVisual(visual) ? m_groups[static_cast<std::size_t>(visual - m_nodeCount)].members.front()
                                           : visual;
    return m_layers[static_cast<std::size_t>(node)];
}

NodeItem *MapScene::nodeItem(int index) const
{
    if (index < 0 || index >= m_nodeCount)
        return nullptr;
    return m_nodeItems[static_cast<std::size_t>(index)];
}

GroupItem *MapScene::groupItemOf(int index) const
{
    if (index < 0 || index >= m_nodeCount || m_groupOf[static_cast<std::size_t>(index)] < 0)
        return nullptr;
    return m_groupItems[static_cast<std::size_t>(m_groupOf[static_cast<std::size_t>(index)])];
}

QGraphicsItem *MapScene::itemFor(int index) const
{
    if (index < 0 || index >= m_nodeCount)
        return nullptr;
    return visualItem(m_repOf[static_cast<std::size_t>(index)]);
}

int MapScene::nodeItemCount() const
{
    return static_cast<int>(std::count_if(m_nodeItems.begin(), m_nodeItems.end(), [](auto *p) { return p; }));
}

int MapScene::groupItemCount() const
{
    return static_cast<int>(std::count_if(m_groupItems.begin(), m_groupItems.end(), [](auto *p) { return p; }));
}

std::vector<EdgeItem *> MapScene::edgeItems() const
{
    std::vector<EdgeItem *> out;
    out.reserve(m_bundles.size());
    for (const auto &[key, b] : m_bundles)
        out.push_back(b.item);
    std::sort(out.begin(), out.end(), [](EdgeItem *a, EdgeItem *b) {
        return std::pair(a->from(), a->to()) < std::pair(b->from(), b->to());
    });
    return out;
}

LayerBandItem *MapScene::bandItem(Layer layer) const
{
    if (layer == Layer::Other)
        return nullptr;
    LayerBandItem *band = m_bands[static_cast<std::size_t>(layer)];
    return band && band->isVisible() ? band : nullptr;
}

// --- edges --------------------------------------------------------------------------------------

void MapScene::addDependency(int from, int to, DepType type)
{
    if (from == to) // inside a folded group
        return;
    Bundle &b = m_bundles[bundleKey(from, to)];
    if (!b.item) {
        b.item = new EdgeItem(from, to, &m_palette);
        b.item->setSourceState(edgeState(from));
        addItem(b.item);
        m_edgesAt[static_cast<std::size_t>(from)].push_back(b.item);
        m_edgesAt[static_cast<std::size_t>(to)].push_back(b.item);
        markPortsDirty(from);
        markPortsDirty(to);
    }
    ++b.byType[static_cast<std::size_t>(type)];
    b.item->setDepType(b.byType[0] ? DepType::Hard : b.byType[1] ? DepType::Fallback : DepType::Soft);
}

void MapScene::removeDependency(int from, int to, DepType type)
{
    if (from == to)
        return;
    const auto it = m_bundles.find(bundleKey(from, to));
    if (it == m_bundles.end())
        return;
    Bundle &b = it->second;
    --b.byType[static_cast<std::size_t>(type)];
    if (b.byType[0] + b.byType[1] + b.byType[2] > 0) {
        b.item->setDepType(b.byType[0] ? DepType::Hard : b.byType[1] ? DepType::Fallback : DepType::Soft);
        return;
    }
    for (int v : {from, to}) {
        auto &list = m_edgesAt[static_cast<std::size_t>(v)];
        list.erase(std::remove(list.begin(), list.end(), b.item), list.end());
        markPortsDirty(v);
    }
    delete b.item; // removes it from the scene
    m_bundles.erase(it);
}

void MapScene::markPortsDirty(int visual)
{
    if (!m_portsDirty[static_cast<std::size_t>(visual)]) {
        m_portsDirty[static_cast<std::size_t>(visual)] = 1;
        m_dirtyList.push_back(visual);
    }
}

/// Spreads the ends of a node's edges along its top (edges up to dependants) and its bottom
/// (edges from dependencies), ordered by where the other end is, so arrows do not pile up on one
/// point and cross less; then redraws every edge touching a node whose ends moved.
void MapScene::layoutDirtyEdges()
{
    std::vector<EdgeItem *> touched;
    for (int v : m_dirtyList) {
        m_portsDirty[static_cast<std::size_t>(v)] = 0;
        const QGraphicsItem *self = visualItem(v);
        if (!self)
            continue;
        std::vector<std::pair<double, EdgeItem *>> up, down;
        for (EdgeItem *e : m_edgesAt[static_cast<std::size_t>(v)]) {
            const bool outgoing = e->from() == v;
            const QGraphicsItem *other = visualItem(outgoing ? e->to() : e->from());
            (outgoing ? up : down).emplace_back(other ? other->x() : 0.0, e);
            touched.push_back(e);
        }
        for (auto *side : {&up, &down}) {
            std::stable_sort(side->begin(), side->end(),
                             [](const auto &a, const auto &b) { return a.first < b.first; });
            const double count = static_cast<double>(side->size());
            const double spread = std::min(kPortSpread * kNodeWidth, (count - 1) * 16.0);
            for (std::size_t k = 0; k < side->size(); ++k) {
                const double offset = count > 1 ? -spread / 2 + spread * static_cast<double>(k) / (count - 1) : 0.0;
                EdgeItem *e = (*side)[k].second;
                Bundle &b = m_bundles[bundleKey(e->from(), e->to())];
                (side == &up ? b.startOffset : b.endOffset) = offset;
            }
        }
    }
    m_dirtyList.clear();
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end()), touched.end());
    const double half = kNodeHeight / 2;
    for (EdgeItem *e : touched) {
        const QGraphicsItem *a = visualItem(e->from());
        const QGraphicsItem *b = visualItem(e->to());
        if (!a || !b)
            continue;
        const Bundle &bundle = m_bundles[bundleKey(e->from(), e->to())];
        e->setEnds(a->pos() + QPointF(bundle.startOffset, -half), b->pos() + QPointF(bundle.endOffset, half));
    }
}

void MapScene::recolourEdgesFrom(int visual)
{
    const State s = edgeState(visual);
    for (EdgeItem *e : m_edgesAt[static_cast<std::size_t>(visual)])
        if (e->from() == visual)
            e->setSourceState(s);
}

// --- bands --------------------------------------------------------------------------------------

void MapScene::updateBands()
{
    struct Extent
    {
        double top = 1e300, bottom = -1e300;
        bool any = false;
    };
    std::array<Extent, 4> extent;
    double left = 1e300, right = -1e300;
    auto take = [&](int visual) {
        const QGraphicsItem *item = visualItem(visual);
        if (!item)
            return;
        Extent &e = extent[static_cast<std::size_t>(visualLayer(visual))];
        e.top = std::min(e.top, item->y() - kNodeHeight / 2);
        e.bottom = std::max(e.bottom, item->y() + kNodeHeight / 2);
        e.any = true;
        left = std::min(left, item->x() - kNodeWidth / 2);
        right = std::max(right, item->x() + kNodeWidth / 2);
    };
    for (int i = 0; i < m_nodeCount; ++i)
        if (m_nodeItems[static_cast<std::size_t>(i)])
            take(i);
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        if (m_groupItems[g])
            take(m_nodeCount + static_cast<int>(g));

    // Top to bottom; where a dragged node makes two layers overlap, they share the middle.
    std::vector<std::pair<Layer, QRectF>> rects;
    for (Layer l : kBandOrder) {
        const Extent &e = extent[static_cast<std::size_t>(l)];
        m_bands[static_cast<std::size_t>(l)]->setVisible(e.any);
        if (e.any)
            rects.emplace_back(l, QRectF(QPointF(left - kBandMarginX, e.top - kBandPadY),
                                         QPointF(right + kBandMarginRight, e.bottom + kBandPadY)));
    }
    for (std::size_t k = 0; k + 1 < rects.size(); ++k) {
        QRectF &upper = rects[k].second;
        QRectF &lower = rects[k + 1].second;
        if (upper.bottom() + kBandGapY > lower.top()) {
            const double mid = (upper.bottom() - kBandPadY + lower.top() + kBandPadY) / 2;
            upper.setBottom(mid - kBandGapY / 2);
            lower.setTop(mid + kBandGapY / 2);
        }
    }
    for (const auto &[layer, rect] : rects)
        m_bands[static_cast<std::size_t>(layer)]->setRect(rect);
    const QRectF content = contentRect();
    setSceneRect(content.adjusted(-content.width() * 0.25 - 200, -content.height() * 0.25 - 200,
                                  content.width() * 0.25 + 200, content.height() * 0.25 + 200));
}

QRectF MapScene::contentRect() const
{
    QRectF r;
    for (const LayerBandItem *band : m_bands)
        if (band && band->isVisible())
            r = r.united(band->rect());
    return r;
}

QRectF MapScene::affectedRect() const
{
    // Against the model with no action at all, so that a countermeasure nobody switched on (off,
    // hence "failed") and what only it feeds do not count as affected.
    const Graph &graph = m_document->graph();
    Evaluator baseline(graph);
    const Evaluator &now = m_document->evaluator();
    QRectF r;
    for (int i = 0; i < m_nodeCount; ++i) {
        const Vertex v = graph.vertexOf(static_cast<std::size_t>(i));
        if (now.flags(v) == 0 && now.state(v) == baseline.state(v))
            continue;
        if (const QGraphicsItem *item = itemFor(i))
            r = r.united(item->sceneBoundingRect());
    }
    return r;
}

// --- palette ------------------------------------------------------------------------------------

void MapScene::setPalette(const Palette &palette)
{
    m_palette = palette;
    setBackgroundBrush(m_palette.background);
    update(); // every item points at m_palette: a repaint is all they need
}

// --- language -----------------------------------------------------------------------------------

void MapScene::retranslate()
{
    for (int i = 0; i < m_nodeCount; ++i) {
        if (NodeItem *item = m_nodeItems[static_cast<std::size_t>(i)])
            item->retranslate(m_document->node(i));
    }
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groupItems[g])
            m_groupItems[g]->setTitle(titleOf(m_document->model(), m_groups[g]));
    }
    update(); // the bands' names are read as they are painted
}

// --- hover, selection, preview -----------------------------------------------------------------

void MapScene::setHighlight(int index)
{
    if (index < 0 || index >= m_nodeCount) {
        m_highlightNode = -1;
        clearHighlight();
        return;
    }
    const int visual = m_repOf[static_cast<std::size_t>(index)];
    if (visual == m_highlightVisual && m_highlightActive) {
        m_highlightNode = index;
        return;
    }
    m_highlightNode = index;
    if (isGroupVisual(visual))
        applyHighlight(m_groups[static_cast<std::size_t>(visual - m_nodeCount)].members, visual);
    else
        applyHighlight({index}, visual);
}

void MapScene::setHighlightGroup(int group)
{
    if (group < 0 || group >= static_cast<int>(m_groups.size()) || !m_groupItems[static_cast<std::size_t>(group)]) {
        m_highlightNode = -1;
        clearHighlight();
        return;
    }
    const int visual = m_nodeCount + group;
    if (visual == m_highlightVisual && m_highlightActive)
        return;
    m_highlightNode = m_groups[static_cast<std::size_t>(group)].members.front();
    applyHighlight(m_groups[static_cast<std::size_t>(group)].members, visual);
}

void MapScene::applyHighlight(const std::vector<int> &sources, int hoveredVisual)
{
    clearHighlight();
    // What the sources depend on (down) and what depends on them (up), through every node,
    // then seen as the items that stand for those nodes.
    const auto n = static_cast<std::size_t>(m_nodeCount);
    std::vector<char> down(n, 0), up(n, 0);
    auto walk = [&](std::vector<char> &seen, const std::vector<std::vector<Dep>> &next) {
        std::vector<int> stack(sources.begin(), sources.end());
        for (int s : sources)
            seen[static_cast<std::size_t>(s)] = 1;
        while (!stack.empty()) {
            const int v = stack.back();
            stack.pop_back();
            for (const Dep &d : next[static_cast<std::size_t>(v)])
                if (!seen[static_cast<std::size_t>(d.node)]) {
                    seen[static_cast<std::size_t>(d.node)] = 1;
                    stack.push_back(d.node);
                }
        }
    };
    walk(down, m_deps);
    walk(up, m_dependants);
    std::vector<char> downV(static_cast<std::size_t>(visualCount()), 0), upV(downV.size(), 0);
    for (std::size_t i = 0; i < n; ++i) {
        downV[static_cast<std::size_t>(m_repOf[i])] |= down[i];
        upV[static_cast<std::size_t>(m_repOf[i])] |= up[i];
    }
    for (int v = 0; v < visualCount(); ++v)
        if (QGraphicsItem *item = visualItem(v))
            item->setOpacity(downV[static_cast<std::size_t>(v)] || upV[static_cast<std::size_t>(v)] ? 1.0 : kDimOpacity);
    for (const auto &[key, b] : m_bundles) {
        const auto f = static_cast<std::size_t>(b.item->from()), t = static_cast<std::size_t>(b.item->to());
        const bool lit = (downV[f] && downV[t]) || (upV[f] && upV[t]);
        b.item->setHighlighted(lit);
        b.item->setOpacity(lit ? 1.0 : kDimOpacity);
    }
    if (QGraphicsItem *item = visualItem(hoveredVisual)) {
        if (item->type() == NodeItem::Type)
            static_cast<NodeItem *>(item)->setHovered(true);
        else
            static_cast<GroupItem *>(item)->setHovered(true);
        item->setZValue(kZHighlightedNode);
    }
    m_highlightVisual = hoveredVisual;
    m_highlightActive = true;
}

void MapScene::clearHighlight()
{
    if (!m_highlightActive)
        return;
    for (int v = 0; v < visualCount(); ++v)
        if (QGraphicsItem *item = visualItem(v))
            item->setOpacity(1.0);
    for (const auto &[key, b] : m_bundles) {
        b.item->setHighlighted(false);
        b.item->setOpacity(1.0);
    }
    if (QGraphicsItem *item = m_highlightVisual >= 0 ? visualItem(m_highlightVisual) : nullptr) {
        if (item->type() == NodeItem::Type)
            static_cast<NodeItem *>(item)->setHovered(false);
        else
            static_cast<GroupItem *>(item)->setHovered(false);
        item->setZValue(kZNode);
    }
    m_highlightVisual = -1;
    m_highlightActive = false;
}

void MapScene::setPreview(const std::vector<int> &nodesToBlock)
{
    for (int i = 0; i < m_nodeCount; ++i) {
        if (!m_previewed[static_cast<std::size_t>(i)])
            continue;
        m_previewed[static_cast<std::size_t>(i)] = 0;
        if (NodeItem *item = m_nodeItems[static_cast<std::size_t>(i)])
            item->setPreviewed(false);
    }
    std::fill(m_groupPreview.begin(), m_groupPreview.end(), 0);
    for (int i : nodesToBlock)
        if (i >= 0 && i < m_nodeCount && !m_previewed[static_cast<std::size_t>(i)]) {
            m_previewed[static_cast<std::size_t>(i)] = 1;
            if (NodeItem *item = m_nodeItems[static_cast<std::size_t>(i)])
                item->setPreviewed(true);
            if (const int g = m_groupOf[static_cast<std::size_t>(i)]; g >= 0)
                ++m_groupPreview[static_cast<std::size_t>(g)];
        }
    for (std::size_t g = 0; g < m_groups.size(); ++g)
        if (m_groupItems[g])
            m_groupItems[g]->setPreviewed(m_groupPreview[g]);
}

void MapScene::selectNode(int index)
{
    clearSelection();
    if (index < 0 || index >= m_nodeCount)
        return;
    revealNode(index);
    if (NodeItem *item = nodeItem(index))
        item->setSelected(true);
}

int MapScene::selectedNode() const
{
    for (QGraphicsItem *item : selectedItems())
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item)->index();
    return -1;
}

// --- groups -------------------------------------------------------------------------------------

QStringList MapScene::groupKeys() const
{
    QStringList keys;
    for (const NodeGroup &g : m_groups)
        keys << qstr(g.key);
    return keys;
}

QString MapScene::groupKeyOf(int index) const
{
    if (index < 0 || index >= m_nodeCount || m_groupOf[static_cast<std::size_t>(index)] < 0)
        return {};
    return qstr(m_groups[static_cast<std::size_t>(m_groupOf[static_cast<std::size_t>(index)])].key);
}

QString MapScene::groupKey(int group) const
{
    if (group < 0 || group >= static_cast<int>(m_groups.size()))
        return {};
    return qstr(m_groups[static_cast<std::size_t>(group)].key);
}

QString MapScene::groupTitle(const QString &key) const
{
    const auto it = m_groupByKey.find(key);
    return it == m_groupByKey.end() ? QString()
                                    : titleOf(m_document->model(), m_groups[static_cast<std::size_t>(*it)]);
}

bool MapScene::isCollapsed(const QString &key) const
{
    const auto it = m_groupByKey.find(key);
    return it != m_groupByKey.end() && m_folded[static_cast<std::size_t>(*it)];
}

void MapScene::collapseGroup(const QString &key)
{
    if (m_groupByKey.contains(key))
        m_document->foldGroup(key, isCollapsed(key), true);
}

void MapScene::expandGroup(const QString &key)
{
    if (m_groupByKey.contains(key))
        m_document->foldGroup(key, isCollapsed(key), false);
}

void MapScene::revealNode(int index)
{
    if (index < 0 || index >= m_nodeCount)
        return;
    const int g = m_groupOf[static_cast<std::size_t>(index)];
    if (g >= 0 && m_folded[static_cast<std::size_t>(g)])
        setGroupFolded(g, false);
}

/// Every dependency with at least one end among `members`, once each, as (dependant, dependency).
std::vector<std::pair<int, MapScene::Dep>> MapScene::edgesTouching(const std::vector<int> &members) const
{
    std::vector<std::pair<int, Dep>> out;
    std::vector<char> member(static_cast<std::size_t>(m_nodeCount), 0);
    for (int m : members)
        member[static_cast<std::size_t>(m)] = 1;
    for (int m : members) {
        for (const Dep &d : m_deps[static_cast<std::size_t>(m)])
            out.emplace_back(m, d);
        for (const Dep &u : m_dependants[static_cast<std::size_t>(m)])
            if (!member[static_cast<std::size_t>(u.node)])
                out.emplace_back(u.node, Dep{m, u.type});
    }
    return out;
}

void MapScene::setGroupFolded(int group, bool folded)
{
    const auto g = static_cast<std::size_t>(group);
    if (static_cast<bool>(m_folded[g]) == folded)
        return;
    const int highlighted = m_highlightNode;
    setHighlight(-1);
    const std::vector<int> &members = m_groups[g].members;
    const auto edges = edgesTouching(members);
    for (const auto &[dependant, dep] : edges)
        removeDependency(m_repOf[static_cast<std::size_t>(dep.node)], m_repOf[static_cast<std::size_t>(dependant)], dep.type);
    m_folded[g] = folded;
    const int groupVisual = m_nodeCount + group;
    if (folded) {
        for (int m : members) {
            delete m_nodeItems[static_cast<std::size_t>(m)];
            m_nodeItems[static_cast<std::size_t>(m)] = nullptr;
            m_repOf[static_cast<std::size_t>(m)] = groupVisual;
        }
        createGroupItem(group);
    } else {
        delete m_groupItems[g];
        m_groupItems[g] = nullptr;
        for (int m : members) {
            m_repOf[static_cast<std::size_t>(m)] = m;
            createNodeItem(m);
        }
    }
    for (const auto &[dependant, dep] : edges)
        addDependency(m_repOf[static_cast<std::size_t>(dep.node)], m_repOf[static_cast<std::size_t>(dependant)], dep.type);
    layoutDirtyEdges();
    updateBands();
    writeCollapsedSetting();
    setHighlight(highlighted);
    Q_EMIT groupCollapsedChanged(qstr(m_groups[g].key), folded);
}

// --- following the document ----------------------------------------------------------------------

void MapScene::onStatesChanged(const QVector<int> &nodes)
{
    if (m_hold) {
        m_held += nodes;
        return;
    }
    showStates(nodes);
}

void MapScene::showStates(const QVector<int> &nodes)
{
    finishAnimation();
    std::vector<std::pair<int, State>> faded;
    std::vector<int> groupsTouched;
    for (int i : nodes) {
        if (i < 0 || i >= m_nodeCount)
            continue;
        const auto u = static_cast<std::size_t>(i);
        const State before = m_states[u];
        const State now = m_document->state(i);
        if (before == now)
            continue;
        m_states[u] = now;
        if (const int g = m_groupOf[u]; g >= 0) {
            auto &c = m_groupCounts[static_cast<std::size_t>(g)];
            --c[static_cast<std::size_t>(stateIndex(before))];
            ++c[static_cast<std::size_t>(stateIndex(now))];
            if (m_folded[static_cast<std::size_t>(g)]) {
                groupsTouched.push_back(g);
                continue;
            }
        }
        if (NodeItem *item = m_nodeItems[u]) {
            item->setState(now);
            if (m_animate) {
                item->setFade(before, 0.0);
                faded.emplace_back(i, before);
            }
        }
        recolourEdgesFrom(i);
    }
    if (!faded.empty())
        startFade(faded);
    std::sort(groupsTouched.begin(), groupsTouched.end());
    groupsTouched.erase(std::unique(groupsTouched.begin(), groupsTouched.end()), groupsTouched.end());
    for (int g : groupsTouched) {
        m_groupItems[static_cast<std::size_t>(g)]->setCounts(m_groupCounts[static_cast<std::size_t>(g)]);
        recolourEdgesFrom(m_nodeCount + g);
    }
}

// --- presenting --------------------------------------------------------------------------------------

void MapScene::setAnimateChanges(bool animate)
{
    if (!animate)
        finishAnimation();
    m_animate = animate;
}

bool MapScene::isAnimating() const { return m_fade && m_fade->state() == QAbstractAnimation::Running; }

void MapScene::finishAnimation()
{
    if (!m_fade)
        return;
    m_fade->stop();
    advanceFade(1e9);
    m_fading.clear();
}

void MapScene::setHoldStates(bool hold)
{
    if (hold == m_hold)
        return;
    m_hold = hold;
    if (!hold) {
        QVector<int> held;
        held.swap(m_held);
        std::sort(held.begin(), held.end());
        held.erase(std::unique(held.begin(), held.end()), held.end());
        showStates(held);
    }
}

void MapScene::startFade(const std::vector<std::pair<int, State>> &from)
{
    // A node's level is one more than the highest level among its dependencies that changed too:
    // the fade runs from the blocked nodes outward, as the failure spreads.
    std::unordered_map<int, int> level;
    for (const auto &[node, state] : from)
        level.emplace(node, -1);
    std::function<int(int)> levelOf = [&](int node) {
        int &l = level[node];
        if (l >= 0)
            return l;
        l = 0;
        int best = 0;
        for (const Dep &d : m_deps[static_cast<std::size_t>(node)]) {
            if (level.count(d.node))
                best = std::max(best, levelOf(d.node) + 1);
        }
        level[node] = best;
        return best;
    };
    m_fading.clear();
    int top = 0;
    for (const auto &[node, state] : from) {
        const int l = levelOf(node);
        top = std::max(top, l);
        m_fading.push_back({node, state, l});
    }
    if (!m_fade) {
        m_fade = new QVariantAnimation(this);
        connect(m_fade, &QVariantAnimation::valueChanged, this,
                [this](const QVariant &v) { advanceFade(v.toDouble()); });
    }
    m_fade->setStartValue(0.0);
    m_fade->setEndValue(static_cast<double>(top + 1));
    m_fade->setDuration(std::min(mapstyle::kFadeMaxMs, mapstyle::kFadeLevelMs * (top + 1)));
    m_fade->start();
}

void MapScene::advanceFade(double time)
{
    for (const Fading &f : m_fading) {
        if (NodeItem *item = m_nodeItems[static_cast<std::size_t>(f.node)])
            item->setFade(f.from, time - f.level);
    }
}

void MapScene::setMark(int index, NodeMark mark)
{
    if (index < 0 || index >= m_nodeCount)
        return;
    m_marks[static_cast<std::size_t>(index)] = mark;
    if (mark != NodeMark::None)
        revealNode(index);
    if (NodeItem *item = nodeItem(index))
        item->setMark(mark);
}

NodeMark MapScene::mark(int index) const
{
    return index < 0 || index >= m_nodeCount ? NodeMark::None : m_marks[static_cast<std::size_t>(index)];
}

void MapScene::clearMarks()
{
    for (int i = 0; i < m_nodeCount; ++i) {
        if (m_marks[static_cast<std::size_t>(i)] != NodeMark::None)
            setMark(i, NodeMark::None);
    }
}

void MapScene::onActionsChanged(const QVector<int> &nodes)
{
    for (int i : nodes) {
        if (NodeItem *item = nodeItem(i))
            item->setAction(m_document->action(i));
        if (i >= 0 && i < m_nodeCount && m_repOf[static_cast<std::size_t>(i)] == i)
            recolourEdgesFrom(i); // switching a countermeasure on or off
    }
}

void MapScene::onPositionChanged(int node)
{
    if (node < 0 || node >= m_nodeCount)
        return;
    const int visual = m_repOf[static_cast<std::size_t>(node)];
    QGraphicsItem *item = visualItem(visual);
    if (isGroupVisual(visual) && m_groups[static_cast<std::size_t>(visual - m_nodeCount)].members.front() != node)
        return; // a folded member that is not the anchor: nothing drawn moves
    item->setPos(nodeCentre(node));
    markPortsDirty(visual);
    for (EdgeItem *e : m_edgesAt[static_cast<std::size_t>(visual)])
        markPortsDirty(e->from() == visual ? e->to() : e->from());
    layoutDirtyEdges();
    updateBands();
}

void MapScene::moveNodeLive(int index, const QPointF &centre)
{
    NodeItem *item = nodeItem(index);
    if (!item)
        return;
    item->setPos(centre);
    markPortsDirty(index);
    for (EdgeItem *e : m_edgesAt[static_cast<std::size_t>(index)])
        markPortsDirty(e->from() == index ? e->to() : e->from());
    layoutDirtyEdges();
}

// --- interaction: handed to the controller ---------------------------------------------------------

std::pair<int, int> MapScene::hitTest(const QPointF &scenePos) const
{
    const QRectF box = NodeItem::boxRect();
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemBoundingRect, Qt::DescendingOrder)) {
        if (!box.contains(item->mapFromScene(scenePos)))
            continue;
        if (item->type() == NodeItem::Type)
            return {static_cast<NodeItem *>(item)->index(), -1};
        if (item->type() == GroupItem::Type)
            return {-1, static_cast<GroupItem *>(item)->group()};
    }
    return {-1, -1};
}

void MapScene::mousePressEvent(QGraphicsSceneMouseEvent *event) { m_controller->mousePress(event); }
void MapScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event) { m_controller->mouseMove(event); }
void MapScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event) { m_controller->mouseRelease(event); }
void MapScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) { m_controller->mouseDoubleClick(event); }
void MapScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event) { m_controller->contextMenu(event); }

} // namespace chokepoint::ui
