#pragma once

#include "map/nodegroups.h"
#include "map/nodeitem.h"
#include "model/types.h"
#include "style/palette.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>
#include <QVector>

#include <array>
#include <memory>
#include <unordered_map>
#include <vector>

class QVariantAnimation;

namespace chokepoint::ui {

class Document;
class EdgeItem;
class GroupItem;
class LayerBandItem;
class MapController;

/**
 * The dependency map of one document.
 *
 * Items are built once: node positions come from the document, or a layout is computed once
 * (layoutGraph) and stored in it. After that the scene follows the document's typed signals and
 * touches exactly the items they name: a changed state recolours that node and the edges leaving
 * it, a changed action redraws its outline, a moved node moves it and its edges. A toggle never
 * moves anything and never rebuilds anything.
 *
 * Nodes of one kind and category form groups (nodegroups.h). A group can be folded into one box
 * standing for all its members; big groups (more than mapstyle::kAutoCollapseMembers) start
 * folded, which keeps a 10,000-app model to a hundred or so items. A folded member has no
 * NodeItem; its edges end at the group's box, merged with the other members'.
 *
 * Interaction (click, double-click, drag, hover, the context menu) lives in MapController; views
 * show the scene through MapView.
 */
class MapScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit MapScene(Document *document, QObject *parent = nullptr);
    ~MapScene() override;

    Document *document() const { return m_document; }
    const Palette &palette() const { return m_palette; }
    /// Switches palettes (screen, projector) and repaints everything.
    void setPalette(const Palette &palette);
    /// Names every node and group again in the interface's language (after a language change).
    void retranslate();

    // --- what is drawn ---
    /// The item drawing node `index`, or null while the node is folded into a group.
    NodeItem *nodeItem(int index) const;
    /// The box of the folded group holding node `index`, or null when it is not folded.
    GroupItem *groupItemOf(int index) const;
    /// Whatever stands for node `index` on the map now: its NodeItem or its group's GroupItem.
    QGraphicsItem *itemFor(int index) const;
    int nodeItemCount() const;
    int groupItemCount() const;
    int edgeItemCount() const { return static_cast<int>(m_bundles.size()); }
    /// All edge items (for tests and exports).
    std::vector<EdgeItem *> edgeItems() const;
    /// The band behind `layer`, or null when the layer has no node.
    LayerBandItem *bandItem(Layer layer) const;
    /// Everything drawn, bands included.
    QRectF contentRect() const;
    /// What the actions in force touch: the items of acted-on nodes (blocked, throttled, enabled)
    /// and of every node whose state differs from the model with no action. Null when nothing is.
    QRectF affectedRect() const;

    // --- hover, selection, preview ---
    /// Lights up node `index`, what it depends on and what depends on it, and dims the rest;
    /// -1 clears. A folded node lights up its group.
    void setHighlight(int index);
    int highlight() const { return m_highlightNode; }
    /// Marks the nodes a would-be cut set blocks ("WOULD BLOCK"); an empty list clears.
    void setPreview(const std::vector<int> &nodesToBlock);
    /// Selects node `index` alone (unfolding its group), or clears the selection with -1.
    void selectNode(int index);
    /// The selected node, or -1.
    int selectedNode() const;

    // --- presenting: fades, held states, marks ---
    /// Fades changed states in, one level of the cascade after another (off by default).
    void setAnimateChanges(bool animate);
    bool animatesChanges() const { return m_animate; }
    /// True while a fade is running.
    bool isAnimating() const;
    /// Ends a running fade at once (every node shows its state).
    void finishAnimation();
    /**
     * Holding: state changes are kept back and nodes go on showing the states they had (actions
     * still show: the class sees what was blocked, not what it takes down). Releasing shows what
     * was held, faded in if animating. Predict-then-reveal hides the answer this way.
     */
    void setHoldStates(bool hold);
    bool holdsStates() const { return m_hold; }
    /// The states as drawn now (held states are the old ones), by node index.
    const std::vector<State> &shownStates() const { return m_states; }
    /// Marking: a click on a node emits nodeMarkToggled() instead of selecting it, and nodes
    /// cannot be dragged.
    void setMarking(bool marking) { m_marking = marking; }
    bool isMarking() const { return m_marking; }
    /// Puts a predict-then-reveal mark on node `index` (unfolding its group so it shows).
    void setMark(int index, NodeMark mark);
    NodeMark mark(int index) const;
    void clearMarks();

    // --- groups ---
    /// Every group's key ("app/messaging"), ordered.
    QStringList groupKeys() const;
    /// The key of the group holding node `index`, or "" when it belongs to none.
    QString groupKeyOf(int index) const;
    /// "Messaging apps", for menus and the group's box.
    QString groupTitle(const QString &key) const;
    bool isCollapsed(const QString &key) const;
    /// Folds a group into one box, as one undoable step (kept in the document's view settings).
    void collapseGroup(const QString &key);
    /// Unfolds a group, as one undoable step.
    void expandGroup(const QString &key);
    /// Unfolds the group holding node `index`, if it is folded, so the node has an item.
    void revealNode(int index);

    // --- for MapController ---
    /// The node or group under `scenePos`: {node index, -1}, {-1, group number} or {-1, -1}.
    std::pair<int, int> hitTest(const QPointF &scenePos) const;
    /// Moves a node's item while it is dragged; the document learns the end position on release.
    void moveNodeLive(int index, const QPointF &centre);
    /// Highlights a folded group (hovered), or clears with -1.
    void setHighlightGroup(int group);
    QString groupKey(int group) const;

Q_SIGNALS:
    void nodeClicked(int index);
    void nodeDoubleClicked(int index);
    /// A click on node `index` while marking.
    void nodeMarkToggled(int index);
    void groupCollapsedChanged(const QString &key, bool collapsed);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    struct Bundle
    {
        EdgeItem *item = nullptr;
        std::array<int, 3> byType{0, 0, 0}; ///< contributing dependencies per DepType
        double startOffset = 0;
        double endOffset = 0;
    };
    struct Dep
    {
        int node;
        DepType type;
    };

    void ensureLayout();
    void buildItems();
    void readCollapsedSetting();
    void writeCollapsedSetting();

    int visualCount() const { return m_nodeCount + static_cast<int>(m_groups.size()); }
    bool isGroupVisual(int visual) const { return visual >= m_nodeCount; }
    QGraphicsItem *visualItem(int visual) const;
    State visualState(int visual) const;
    /// The state an edge leaving `visual` is coloured by.
    State edgeState(int visual) const;
    Layer visualLayer(int visual) const;
    QPointF nodeCentre(int index) const;

    NodeItem *createNodeItem(int index);
    GroupItem *createGroupItem(int group);
    void setGroupFolded(int group, bool folded);
    std::vector<std::pair<int, Dep>> edgesTouching(const std::vector<int> &members) const;

    static std::uint64_t bundleKey(int from, int to)
    {
        return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(from)) << 32) | static_cast<std::uint32_t>(to);
    }
    void addDependency(int from, int to, DepType type);
    void removeDependency(int from, int to, DepType type);
    void markPortsDirty(int visual);
    void layoutDirtyEdges();
    void recolourEdgesFrom(int visual);
    void updateBands();
    void applyHighlight(const std::vector<int> &sources, int hoveredVisual);
    void clearHighlight();

    void onStatesChanged(const QVector<int> &nodes);
    void showStates(const QVector<int> &nodes);
    /// Starts fading `nodes` (whose items show `from` states) into their states, cascade order.
    void startFade(const std::vector<std::pair<int, State>> &from);
    void advanceFade(double time);
    void onActionsChanged(const QVector<int> &nodes);
    void onPositionChanged(int node);

    Document *m_document;
    Palette m_palette;
    std::unique_ptr<MapController> m_controller;
    int m_nodeCount = 0;

    std::vector<Layer> m_layers;                ///< the band each node is drawn in
    std::vector<std::vector<Dep>> m_deps;       ///< node → its dependencies
    std::vector<std::vector<Dep>> m_dependants; ///< node → who depends on it
    std::vector<NodeGroup> m_groups;
    std::vector<int> m_groupOf;                 ///< node → group number or -1
    QHash<QString, int> m_groupByKey;
    std::vector<char> m_folded;                 ///< per group

    std::vector<State> m_states;                ///< per node, as last drawn
    std::vector<std::array<int, 3>> m_groupCounts; ///< per group, members per state
    std::vector<int> m_repOf;                   ///< node → visual id standing for it
    std::vector<NodeItem *> m_nodeItems;        ///< per node, null while folded
    std::vector<GroupItem *> m_groupItems;      ///< per group, null while unfolded
    std::unordered_map<std::uint64_t, Bundle> m_bundles; ///< (from visual, to visual) → edge
    std::vector<std::vector<EdgeItem *>> m_edgesAt; ///< visual → edges touching it
    std::vector<char> m_portsDirty;
    std::vector<int> m_dirtyList;
    std::array<LayerBandItem *, 4> m_bands{};

    std::vector<char> m_previewed;              ///< per node
    std::vector<int> m_groupPreview;            ///< per group, previewed members
    int m_highlightNode = -1;
    int m_highlightVisual = -1;
    bool m_highlightActive = false;

    bool m_animate = false;
    bool m_hold = false;
    bool m_marking = false;
    QVector<int> m_held;                        ///< nodes whose state changed while holding
    std::vector<NodeMark> m_marks;              ///< per node
    struct Fading
    {
        int node;
        State from;
        int level; ///< its place in the cascade: 0 for a node whose own dependencies did not change
    };
    std::vector<Fading> m_fading;
    QVariantAnimation *m_fade = nullptr;
};

} // namespace chokepoint::ui
