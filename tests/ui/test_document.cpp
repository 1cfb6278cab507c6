// The document, its undo commands and the blocks panel's item model (STYLE.md 14: redo, check the
// model and the signals, undo, check again).
#include "dialogs/cutsetdialog.h"
#include "map/mapscene.h"
#include "map/nodeitem.h"
#include "panels/blocksmodel.h"
#include "panels/inspector.h"
#include "uitestutil.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTableWidget>
#include <QUndoStack>

#include <gtest/gtest.h>

namespace chokepoint {
namespace {

using ui::Document;
using ui::NodeAction;

int idx(const Document &doc, const char *id) { return *doc.indexOf(QString::fromUtf8(id)); }

TEST(Document, TogglingThroughTheBlocksModelPushesOneCommand)
{
    auto doc = test::shippedDocument();
    ui::BlocksModel model(doc.get());
    ui::MapScene scene(doc.get());
    const int relay = idx(*doc, "facetime-relay");
    const ui::NodeItem *facetimeItem = scene.nodeItem(idx(*doc, "facetime"));
    ASSERT_NE(facetimeItem, nullptr);
    EXPECT_EQ(facetimeItem->state(), State::Ok);
    const QModelIndex box = model.indexOfNode(relay, ui::BlocksModel::BlockColumn);
    ASSERT_TRUE(box.isValid());
    ASSERT_TRUE(model.flags(box) & Qt::ItemIsUserCheckable);

    QSignalSpy states(doc.get(), &Document::statesChanged);
    QSignalSpy rows(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(model.setData(box, Qt::Checked, Qt::CheckStateRole));
    EXPECT_EQ(doc->undoStack()->count(), 1);
    EXPECT_EQ(doc->action(relay), NodeAction::Block);
    EXPECT_EQ(doc->state(idx(*doc, "facetime")), State::Failed);
    EXPECT_EQ(doc->state(idx(*doc, "imessage")), State::Ok);
    EXPECT_EQ(box.data(Qt::CheckStateRole).toInt(), Qt::Checked);
    EXPECT_EQ(facetimeItem->state(), State::Failed);
    EXPECT_EQ(scene.nodeItem(relay)->action(), NodeAction::Block);
    EXPECT_EQ(states.count(), 1);
    const auto changed = states.takeFirst().at(0).value<QVector<int>>();
    EXPECT_TRUE(changed.contains(idx(*doc, "facetime")));
    EXPECT_FALSE(changed.contains(idx(*doc, "imessage"))) << "only what changed is signalled";
    EXPECT_GE(rows.count(), 1);

    doc->undoStack()->undo();
    EXPECT_EQ(doc->action(relay), NodeAction::None);
    EXPECT_EQ(doc->state(idx(*doc, "facetime")), State::Ok);
    EXPECT_EQ(box.data(Qt::CheckStateRole).toInt(), Qt::Unchecked);
    EXPECT_EQ(facetimeItem->state(), State::Ok);
    EXPECT_EQ(scene.nodeItem(relay)->action(), NodeAction::None);
    doc->undoStack()->redo();
    EXPECT_EQ(doc->state(idx(*doc, "facetime")), State::Failed);
    EXPECT_EQ(facetimeItem->state(), State::Failed);
}

TEST(Document, NoOpEditsPushNothing)
{
    auto doc = test::shippedDocument();
    doc->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::None);
    doc->setNodeAction(QStringLiteral("imessage"), NodeAction::Block); // not blockable
    doc->clearActions();
    EXPECT_EQ(doc->undoStack()->count(), 0);
    doc->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    doc->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    EXPECT_EQ(doc->undoStack()->count(), 1);
}

TEST(Document, ApplyingAScenarioThenUndoRestoresThePreviousActions)
{
    auto doc = test::shippedDocument();
    doc->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    const Actions before = doc->actions();
    QSignalSpy scenario(doc.get(), &Document::scenarioChanged);
    doc->applyScenario(QStringLiteral("facetime-2025"));
    EXPECT_EQ(doc->undoStack()->count(), 2);
    EXPECT_EQ(doc->scenarioId(), QStringLiteral("facetime-2025"));
    EXPECT_EQ(doc->state(idx(*doc, "facetime")), State::Failed);
    EXPECT_EQ(doc->action(idx(*doc, "tcp-5223")), NodeAction::None) << "a scenario replaces the actions";
    EXPECT_EQ(scenario.count(), 1);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->actions(), before);
    EXPECT_TRUE(doc->scenarioId().isEmpty());
    EXPECT_EQ(doc->state(idx(*doc, "facetime")), State::Degraded) << "through APNs on port 443";
    EXPECT_EQ(doc->state(idx(*doc, "apns")), State::Degraded);
}

TEST(Document, ImpactFollowsEveryChange)
{
    auto doc = test::shippedDocument();
    EXPECT_EQ(doc->impact().all.usersLost, 0);
    doc->applyScenario(QStringLiteral("facetime-2025"));
    EXPECT_GT(doc->impact().all.usersLost, 0);
    EXPECT_EQ(doc->impact().blocks, 1u);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->impact().all.usersLost, 0);
}

TEST(Document, MovesMergeAndUndoInOneStep)
{
    auto doc = test::shippedDocument();
    const QString id = QStringLiteral("apns");
    const NodePosition start{10, 20, false};
    doc->setPositionNow(id, start);
    doc->moveNode(id, start, NodePosition{30, 40, true});
    doc->moveNode(id, NodePosition{30, 40, true}, NodePosition{50, 60, true});
    EXPECT_EQ(doc->undoStack()->count(), 1);
    EXPECT_EQ(doc->position(id)->x, 50);
    doc->undoStack()->undo();
    EXPECT_EQ(*doc->position(id), start);
}

TEST(Document, InspectorExplainsAFailedNode)
{
    auto doc = test::shippedDocument();
    ui::Inspector inspector(doc.get());
    inspector.setNode(idx(*doc, "facetime"));
    EXPECT_TRUE(inspector.plainText().contains(QStringLiteral("OK")));
    doc->applyScenario(QStringLiteral("facetime-2025"));
    const QString text = inspector.plainText();
    EXPECT_TRUE(text.contains(QStringLiteral("Why?"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("is blocked"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("What would restore it"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Sources"))) << text.toStdString();
}

TEST(Document, CutSetDialogFindsWaysToBlockIMessageAndAppliesOneInOneStep)
{
    auto doc = test::shippedDocument();
    ui::CutSetDialog dialog(doc.get());
    dialog.setTarget(idx(*doc, "imessage"));
    dialog.run();
    dialog.waitForResult();
    ASSERT_NE(dialog.result(), nullptr);
    EXPECT_GT(dialog.result()->count, 0u);
    ASSERT_GT(dialog.table()->rowCount(), 0);
    dialog.table()->selectRow(0);
    if (const QString dir = qEnvironmentVariable("CHOKEPOINT_MAP_SHOTS"); !dir.isEmpty()) {
        dialog.resize(900, 600);
        dialog.show();
        QApplication::processEvents();
        dialog.grab().save(dir + QStringLiteral("/cutset-dialog.png"));
    }
    dialog.applySelected();
    EXPECT_EQ(doc->undoStack()->count(), 1);
    EXPECT_EQ(doc->state(idx(*doc, "imessage")), State::Failed);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->state(idx(*doc, "imessage")), State::Ok);
}

} // namespace
} // namespace chokepoint
