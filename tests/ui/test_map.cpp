// The map: one item per node (or folded group), incremental updates, deterministic layout, drag and
// undo, scale, and what it looks like offscreen.
#include "uitestutil.h"

#include "map/edgeitem.h"
#include "map/graphlayout.h"
#include "map/groupitem.h"
#include "map/layerbanditem.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "map/nodegroups.h"
#include "map/nodeitem.h"
#include "model/generator.h"

#include <QDir>
#include <QImage>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace chokepoint::ui {
namespace {

int indexOf(const Document &doc, const char *id) { return doc.indexOf(QString::fromUtf8(id)).value(); }

std::map<int, QPointF> positionsOfItems(const MapScene &scene, int count)
{
    std::map<int, QPointF> out;
    for (int i = 0; i < count; ++i)
        if (const QGraphicsItem *item = scene.itemFor(i))
            out[i] = item->pos();
    return out;
}

/// Saves `image` when CHOKEPOINT_MAP_SHOTS names a folder (to look at the map by eye).
void keep(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("CHOKEPOINT_MAP_SHOTS");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
}

QImage render(MapView &view)
{
    view.fitAll();
    return view.grab().toImage();
}

bool isBlank(const QImage &image)
{
    const QRgb first = image.pixel(0, 0);
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            if (image.pixel(x, y) != first)
                return false;
    return true;
}

std::unique_ptr<Document> generatedDocument(std::size_t apps)
{
    DocumentData data;
    data.model = generateEcosystem(apps, 1);
    return std::make_unique<Document>(std::move(data));
}

TEST(MapScene, HasAnItemPerNodeAndAnEdgePerDependency)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    EXPECT_EQ(scene.groupItemCount(), 0); // no group of the starter model is big enough to fold
    EXPECT_EQ(scene.nodeItemCount(), doc->nodeCount());
    std::size_t deps = 0;
    for (int i = 0; i < doc->nodeCount(); ++i) {
        NodeItem *item = scene.nodeItem(i);
        ASSERT_NE(item, nullptr);
        EXPECT_EQ(item->index(), i);
        EXPECT_EQ(item->state(), doc->state(i));
        EXPECT_EQ(item->action(), doc->action(i));
        deps += doc->node(i).dependsOn.size();
    }
    EXPECT_EQ(static_cast<std::size_t>(scene.edgeItemCount()), deps);
    for (Layer l : {Layer::Network, Layer::Platform, Layer::Function, Layer::App})
        EXPECT_NE(scene.bandItem(l), nullptr);
}

TEST(MapScene, LayersGoUpFromNetworkToApps)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    MapScene scene(doc.get());
    auto y = [&](const char *id) { return scene.nodeItem(indexOf(*doc, id))->y(); };
    EXPECT_GT(y("apple-17-8"), y("apns"));  // network below platform
    EXPECT_GT(y("apns"), y("imessage-text")); // platform below functions
    EXPECT_GT(y("imessage-text"), y("imessage")); // functions below apps
    // Every arrow points up: a dependency sits lower than what needs it.
    for (EdgeItem *e : scene.edgeItems())
        EXPECT_GT(e->start().y(), e->end().y()) << e->from() << " -> " << e->to();
    // Bands in order, top to bottom.
    EXPECT_LT(scene.bandItem(Layer::App)->rect().top(), scene.bandItem(Layer::Function)->rect().top());
    EXPECT_LE(scene.bandItem(Layer::Function)->rect().bottom(), scene.bandItem(Layer::Platform)->rect().top());
    EXPECT_LE(scene.bandItem(Layer::Platform)->rect().bottom(), scene.bandItem(Layer::Network)->rect().top());
}

TEST(MapScene, NoTwoNodesOverlap)
{
    for (const char *file : {"starter.json", "iphone-russia.json"}) {
        auto doc = test::shippedDocument(file);
        MapScene scene(doc.get());
        std::vector<QRectF> boxes;
        for (int i = 0; i < doc->nodeCount(); ++i)
            boxes.push_back(NodeItem::boxRect().translated(scene.nodeItem(i)->pos()));
        for (std::size_t a = 0; a < boxes.size(); ++a)
            for (std::size_t b = a + 1; b < boxes.size(); ++b)
                ASSERT_FALSE(boxes[a].intersects(boxes[b])) << file << ": " << a << " and " << b;
    }
}

TEST(MapScene, BlockingRecoloursTheNodeAndItsDependantsAndMovesNothing)
{
    auto doc = test::shippedDocument("starter.json");
    doc->applyScenario(QString()); // the starter opens in the FaceTime scenario
    doc->undoStack()->clear();
    MapScene scene(doc.get());
    const int relay = indexOf(*doc, "facetime-relay");
    const int facetime = indexOf(*doc, "facetime");
    const int imessage = indexOf(*doc, "imessage");
    ASSERT_EQ(scene.nodeItem(facetime)->state(), State::Ok);
    const auto before = positionsOfItems(scene, doc->nodeCount());
    const int edges = scene.edgeItemCount();
    QGraphicsItem *relayItem = scene.nodeItem(relay);

    doc->setNodeAction(QStringLiteral("facetime-relay"), NodeAction::Block);
    EXPECT_EQ(scene.nodeItem(relay), relayItem); // updated, not rebuilt
    EXPECT_EQ(scene.nodeItem(relay)->action(), NodeAction::Block);
    EXPECT_EQ(scene.nodeItem(relay)->state(), State::Failed);
    EXPECT_EQ(scene.nodeItem(facetime)->state(), State::Failed);
    EXPECT_EQ(scene.nodeItem(imessage)->state(), State::Ok);
    for (EdgeItem *e : scene.edgeItems())
        if (e->from() == relay) {
            EXPECT_EQ(e->sourceState(), State::Failed);
        }
    EXPECT_EQ(positionsOfItems(scene, doc->nodeCount()), before);
    EXPECT_EQ(scene.edgeItemCount(), edges);

    doc->undoStack()->undo();
    EXPECT_EQ(scene.nodeItem(relay)->action(), NodeAction::None);
    EXPECT_EQ(scene.nodeItem(relay)->state(), State::Ok);
    EXPECT_EQ(scene.nodeItem(facetime)->state(), State::Ok);
    doc->undoStack()->redo();
    EXPECT_EQ(scene.nodeItem(facetime)->state(), State::Failed);
    EXPECT_EQ(positionsOfItems(scene, doc->nodeCount()), before);
}

TEST(MapScene, ThrottleAndCountermeasuresShowOnTheItem)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    const int vpn = indexOf(*doc, "vpn");
    EXPECT_TRUE(scene.nodeItem(vpn)->isOff()); // drawn "off", not as a failure
    doc->setNodeAction(QStringLiteral("vpn"), NodeAction::Enable);
    EXPECT_FALSE(scene.nodeItem(vpn)->isOff());
    EXPECT_EQ(scene.nodeItem(vpn)->action(), NodeAction::Enable);
    doc->setNodeAction(QStringLiteral("tcp-443"), NodeAction::Throttle);
    EXPECT_EQ(scene.nodeItem(indexOf(*doc, "tcp-443"))->action(), NodeAction::Throttle);
    EXPECT_EQ(scene.nodeItem(indexOf(*doc, "tcp-443"))->state(), State::Degraded);
}

TEST(MapLayout, IsDeterministicAndStoredInTheDocument)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    const auto a = layoutGraph(doc->model());
    const auto b = layoutGraph(doc->model());
    EXPECT_EQ(a, b);
    ASSERT_EQ(a.size(), static_cast<std::size_t>(doc->nodeCount()));
    MapScene scene(doc.get());
    for (int i = 0; i < doc->nodeCount(); ++i) {
        const auto p = doc->position(qstr(doc->node(i).id));
        ASSERT_TRUE(p.has_value());
        EXPECT_EQ(*p, a.at(doc->node(i).id));
        EXPECT_EQ(scene.nodeItem(i)->pos(), QPointF(p->x, p->y));
    }
    // A second scene on the same document reuses the stored layout.
    MapScene again(doc.get());
    EXPECT_EQ(positionsOfItems(again, doc->nodeCount()), positionsOfItems(scene, doc->nodeCount()));
}

TEST(MapLayout, GridLayoutForBigModelsIsDeterministicAndLayered)
{
    const Model model = generateEcosystem(2000, 1);
    ASSERT_GT(model.nodes.size() + model.edgeCount(), static_cast<std::size_t>(mapstyle::kGraphvizMaxSize));
    const auto a = layoutGraph(model); // speed: bench/ui_toggle
    EXPECT_EQ(a, layoutGraph(model));
    const auto layers = drawingLayers(model);
    // What is drawn while big groups are folded: loose nodes and each big group's anchor. Those
    // go up in layers; an unfolded group's strip may run down past the layers below.
    std::vector<char> drawnFolded(model.nodes.size(), 1);
    for (const NodeGroup &g : groupNodes(model))
        if (g.members.size() > static_cast<std::size_t>(mapstyle::kAutoCollapseMembers))
            for (std::size_t k = 1; k < g.members.size(); ++k)
                drawnFolded[static_cast<std::size_t>(g.members[k])] = 0;
    double lowestApp = -1e300, highestNetwork = 1e300;
    std::set<std::pair<double, double>> taken;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const NodePosition &p = a.at(model.nodes[i].id);
        EXPECT_TRUE(taken.emplace(p.x, p.y).second) << "two nodes at " << p.x << "," << p.y;
        if (!drawnFolded[i])
            continue;
        if (layers[i] == Layer::App)
            lowestApp = std::max(lowestApp, p.y);
        if (layers[i] == Layer::Network)
            highestNetwork = std::min(highestNetwork, p.y);
    }
    EXPECT_LT(lowestApp, highestNetwork);
}

TEST(MapScene, DraggingThroughTheDocumentMovesTheItemAndUndoPutsItBack)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    const int apns = indexOf(*doc, "apns");
    const QString id = QStringLiteral("apns");
    const NodePosition from = *doc->position(id);
    const NodePosition to{from.x + 120, from.y - 40, true};
    doc->moveNode(id, from, to);
    EXPECT_EQ(scene.nodeItem(apns)->pos(), QPointF(to.x, to.y));
    for (EdgeItem *e : scene.edgeItems()) { // the edges follow
        if (e->from() == apns) {
            EXPECT_NEAR(e->start().y(), to.y - mapstyle::kNodeHeight / 2, 1e-9);
        }
        if (e->to() == apns) {
            EXPECT_NEAR(e->end().y(), to.y + mapstyle::kNodeHeight / 2, 1e-9);
        }
    }
    doc->undoStack()->undo();
    EXPECT_EQ(scene.nodeItem(apns)->pos(), QPointF(from.x, from.y));
    EXPECT_EQ(*doc->position(id), from);
}

TEST(MapScene, DraggingWithTheMouseIsOneUndoStepAndPins)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    MapView view;
    view.setScene(&scene);
    view.resize(1200, 800);
    view.show();
    view.resetZoom();
    const int apns = indexOf(*doc, "apns");
    NodeItem *item = scene.nodeItem(apns);
    view.centerOn(item);
    const QPoint start = view.mapFromScene(item->pos());
    const int steps = doc->undoStack()->count();
    auto send = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent e(type, at, view.viewport()->mapToGlobal(at), type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton,
                      buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &e);
    };
    send(QEvent::MouseButtonPress, start, Qt::LeftButton);
    for (int k = 1; k <= 5; ++k)
        send(QEvent::MouseMove, start + QPoint(20 * k, 0), Qt::LeftButton);
    send(QEvent::MouseButtonRelease, start + QPoint(100, 0), Qt::NoButton);
    EXPECT_EQ(doc->undoStack()->count(), steps + 1);
    const NodePosition now = *doc->position(QStringLiteral("apns"));
    EXPECT_TRUE(now.pinned);
    EXPECT_NEAR(item->x(), now.x, 1e-9);
    doc->undoStack()->undo();
    EXPECT_FALSE(doc->position(QStringLiteral("apns"))->pinned);
    EXPECT_NEAR(item->x(), doc->position(QStringLiteral("apns"))->x, 1e-9);

    // A click without moving selects and reports the node.
    QSignalSpy clicked(&scene, &MapScene::nodeClicked);
    const QPoint at = view.mapFromScene(item->pos());
    send(QEvent::MouseButtonPress, at, Qt::LeftButton);
    send(QEvent::MouseButtonRelease, at, Qt::NoButton);
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.at(0).at(0).toInt(), apns);
    EXPECT_EQ(scene.selectedNode(), apns);
}

TEST(MapScene, HighlightLightsUpDependenciesAndDependants)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    const int apns = indexOf(*doc, "apns");
    scene.setHighlight(apns);
    EXPECT_EQ(scene.nodeItem(indexOf(*doc, "tcp-5223"))->opacity(), 1.0);  // a dependency
    EXPECT_EQ(scene.nodeItem(indexOf(*doc, "whatsapp-push"))->opacity(), 1.0); // a dependant
    EXPECT_LT(scene.nodeItem(indexOf(*doc, "telegram-dcs"))->opacity(), 1.0); // unrelated
    EXPECT_TRUE(scene.nodeItem(apns)->isHovered());
    scene.setHighlight(-1);
    EXPECT_EQ(scene.nodeItem(indexOf(*doc, "telegram-dcs"))->opacity(), 1.0);
    EXPECT_FALSE(scene.nodeItem(apns)->isHovered());
}

TEST(MapScene, PreviewMarksAWouldBeCutSet)
{
    auto doc = test::shippedDocument("starter.json");
    MapScene scene(doc.get());
    const int apns = indexOf(*doc, "apns"), ids = indexOf(*doc, "ids");
    scene.setPreview({apns, ids});
    EXPECT_TRUE(scene.nodeItem(apns)->isPreviewed());
    EXPECT_TRUE(scene.nodeItem(ids)->isPreviewed());
    scene.setPreview({ids});
    EXPECT_FALSE(scene.nodeItem(apns)->isPreviewed());
    scene.setPreview({});
    EXPECT_FALSE(scene.nodeItem(ids)->isPreviewed());
}

TEST(MapScene, GroupsFoldAndUnfold)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    MapScene scene(doc.get());
    const int edgesBefore = scene.edgeItemCount();
    const int apns = indexOf(*doc, "apns");
    const QString key = scene.groupKeyOf(apns);
    ASSERT_FALSE(key.isEmpty());
    EXPECT_FALSE(scene.isCollapsed(key));
    QSignalSpy changed(&scene, &MapScene::groupCollapsedChanged);
    scene.collapseGroup(key);
    EXPECT_TRUE(scene.isCollapsed(key));
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(scene.nodeItem(apns), nullptr);
    ASSERT_NE(scene.groupItemOf(apns), nullptr);
    EXPECT_EQ(scene.itemFor(apns), scene.groupItemOf(apns));
    EXPECT_LT(scene.edgeItemCount(), edgesBefore);
    EXPECT_FALSE(doc->viewSetting(QStringLiteral("map.groups")).isEmpty());

    // A state change inside a folded group updates the group's counts.
    GroupItem *group = scene.groupItemOf(apns);
    auto failedMembers = [&] {
        int failed = 0;
        for (int i = 0; i < doc->nodeCount(); ++i)
            failed += scene.groupKeyOf(i) == key && doc->state(i) == State::Failed;
        return failed;
    };
    EXPECT_EQ(group->counts()[0], failedMembers());
    doc->setNodeAction(QStringLiteral("apns"), NodeAction::Block);
    EXPECT_GT(group->counts()[0], 0);
    EXPECT_EQ(group->counts()[0], failedMembers());
    EXPECT_EQ(group->worstState(), State::Failed);

    scene.expandGroup(key);
    EXPECT_EQ(scene.groupItemOf(apns), nullptr);
    ASSERT_NE(scene.nodeItem(apns), nullptr);
    EXPECT_EQ(scene.nodeItem(apns)->state(), State::Failed);
    EXPECT_EQ(scene.nodeItem(apns)->action(), NodeAction::Block);
    EXPECT_EQ(scene.edgeItemCount(), edgesBefore);
    EXPECT_EQ(scene.nodeItemCount(), doc->nodeCount());

    // The folding is kept in the document: a new scene starts folded.
    scene.collapseGroup(key);
    MapScene again(doc.get());
    EXPECT_TRUE(again.isCollapsed(key));

    // Folding is one undoable step, and every map on the document follows it.
    const int steps = doc->undoStack()->count();
    doc->undoStack()->undo();
    EXPECT_FALSE(scene.isCollapsed(key));
    EXPECT_FALSE(again.isCollapsed(key));
    ASSERT_NE(scene.nodeItem(apns), nullptr);
    doc->undoStack()->redo();
    EXPECT_TRUE(scene.isCollapsed(key));
    EXPECT_TRUE(again.isCollapsed(key));
    scene.collapseGroup(key); // already folded: nothing to push
    EXPECT_EQ(doc->undoStack()->count(), steps);
}

TEST(MapScene, TenThousandAppsBuildFolded)
{
    auto doc = generatedDocument(10000);
    MapScene scene(doc.get());
    EXPECT_GT(scene.groupItemCount(), 0);
    EXPECT_LT(scene.nodeItemCount() + scene.groupItemCount(), 600);
    EXPECT_LT(scene.edgeItemCount(), 3000);
    // Every node is drawn by something.
    for (int i = 0; i < doc->nodeCount(); ++i)
        ASSERT_NE(scene.itemFor(i), nullptr) << i;
    // A toggle that fails every app updates the groups, not thousands of items.
    doc->setNodeAction(QStringLiteral("apns"), NodeAction::Block);
    GroupItem *apps = scene.groupItemOf(indexOf(*doc, "app-1"));
    ASSERT_NE(apps, nullptr);
    EXPECT_EQ(apps->worstState(), State::Failed);

    MapView view;
    view.setScene(&scene);
    view.resize(1400, 900);
    const QImage image = render(view);
    EXPECT_FALSE(isBlank(image));
    keep(image, QStringLiteral("generated-10000"));
    view.resetZoom();
    view.centerOn(apps);
    keep(view.grab().toImage(), QStringLiteral("generated-10000-zoomed"));
}

TEST(MapView, ScreenshotIsNotBlankAndDiffersBetweenScenarios)
{
    for (const char *file : {"starter.json", "iphone-russia.json"}) {
        auto doc = test::shippedDocument(file);
        MapScene scene(doc.get());
        MapView view;
        view.setScene(&scene);
        view.resize(1400, 900);
        doc->applyScenario(QString());
        const QImage none = render(view);
        doc->applyScenario(QStringLiteral("facetime-2025"));
        const QImage facetime = render(view);
        EXPECT_FALSE(isBlank(none)) << file;
        EXPECT_FALSE(isBlank(facetime)) << file;
        EXPECT_NE(none, facetime) << file;
        const QString base = QString::fromUtf8(file).section(QLatin1Char('.'), 0, 0);
        keep(none, base + QStringLiteral("-none"));
        if (qstrcmp(file, "starter.json") == 0) { // every mark at once, at zoom 1
            doc->setNodeAction(QStringLiteral("tcp-443"), NodeAction::Throttle);
            doc->setNodeAction(QStringLiteral("vpn"), NodeAction::Enable);
            scene.setPreview({indexOf(*doc, "apns"), indexOf(*doc, "ids")});
            view.resetZoom();
            view.centerOn(scene.nodeItem(indexOf(*doc, "apns")));
            keep(view.grab().toImage(), base + QStringLiteral("-marks"));
            scene.setPreview({});
        }
        keep(facetime, base + QStringLiteral("-facetime"));
        if (qstrcmp(file, "iphone-russia.json") == 0) {
            doc->applyScenario(QStringLiteral("mobile-whitelist-2025"));
            keep(render(view), base + QStringLiteral("-whitelist"));
            view.resetZoom();
            view.centerOnNode(indexOf(*doc, "apns"));
            scene.setHighlight(indexOf(*doc, "apns"));
            keep(view.grab().toImage(), base + QStringLiteral("-zoomed-hover"));
            scene.setHighlight(-1);
            scene.collapseGroup(scene.groupKeyOf(indexOf(*doc, "imessage-text")));
            view.centerOnNode(indexOf(*doc, "imessage"));
            keep(view.grab().toImage(), base + QStringLiteral("-folded"));
            scene.setPalette(Palette::projector());
            keep(render(view), base + QStringLiteral("-projector"));
        }
    }
}

TEST(MapView, ZoomsAndCentres)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    MapScene scene(doc.get());
    MapView view;
    view.setScene(&scene);
    view.resize(1000, 700);
    view.fitAll();
    const double fitted = view.zoom();
    EXPECT_GT(fitted, mapstyle::kMinZoom);
    EXPECT_LE(fitted, mapstyle::kMaxFitZoom);
    view.zoomIn();
    EXPECT_NEAR(view.zoom(), fitted * mapstyle::kZoomStep, 1e-9);
    view.zoomOut();
    EXPECT_NEAR(view.zoom(), fitted, 1e-9);
    view.resetZoom();
    EXPECT_EQ(view.zoom(), 1.0);
    const int apns = indexOf(*doc, "apns");
    view.centerOnNode(apns);
    EXPECT_EQ(scene.selectedNode(), apns);
    const QPointF centre = view.mapToScene(view.viewport()->rect().center());
    EXPECT_LT(QLineF(centre, scene.nodeItem(apns)->pos()).length(), 2.0);
}

} // namespace
} // namespace chokepoint::ui
