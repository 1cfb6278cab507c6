// The window as a whole: opening files (and failing to), and where the map looks after a scenario.
#include "mainwindow.h"

#include "document/document.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "map/nodeitem.h"
#include "panels/blocksmodel.h"
#include "panels/blockspanel.h"
#include "panels/inspector.h"

#include <QApplication>
#include <QFile>
#include <QUndoStack>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTreeView>
#include <QAbstractProxyModel>

#include <gtest/gtest.h>

namespace chokepoint::ui {
namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true); // recent files and geometry stay out of the user's settings
        window.openShippedModel();
        ASSERT_NE(window.document(), nullptr);
    }

    MainWindow window;
};

TEST_F(MainWindowTest, ABrokenFileLeavesTheOpenDocumentAsItWasAndTheFileUntouched)
{
    Document *before = window.document();
    before->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    const int undoSteps = before->undoStack()->count();

    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const struct
    {
        const char *name;
        QByteArray text;
        const char *mentions; ///< what the message must name besides the file
    } cases[] = {
        {"syntax.json", "{\"format\": \"chokepoint\", \"version\": 1, \"model\": {", "line"},
        {"dangling.json",
         R"({"format": "chokepoint", "version": 1, "model": {"id": "m", "title": "M"}, "nodes": [
              {"id": "a", "name": "A", "kind": "app", "gate": "all", "dependsOn": [{"node": "ghost"}]}]})",
         "ghost"},
        {"not-a-model.xml", "<opsa-mef><define-fault-tree name='t'><define-gate name='g'><not>"
                            "<basic-event name='e'/></not></define-gate></define-fault-tree></opsa-mef>",
         "g"},
    };
    for (const auto &c : cases) {
        const QString path = dir.filePath(QString::fromLatin1(c.name));
        writeFile(path, c.text);
        EXPECT_FALSE(window.openFile(path, /*quiet=*/true)) << c.name;
        EXPECT_EQ(window.document(), before) << c.name;
        EXPECT_TRUE(window.lastError().contains(QString::fromLatin1(c.name))) << window.lastError().toStdString();
        EXPECT_TRUE(window.lastError().contains(QString::fromLatin1(c.mentions), Qt::CaseInsensitive))
            << c.name << ": " << window.lastError().toStdString();
        EXPECT_EQ(readAll(path), c.text) << c.name;
    }
    EXPECT_EQ(before->action(*before->indexOf(QStringLiteral("tcp-5223"))), NodeAction::Block);
    EXPECT_EQ(before->undoStack()->count(), undoSteps);
    EXPECT_FALSE(window.openFile(dir.filePath(QStringLiteral("missing.json")), true));
    EXPECT_EQ(window.document(), before);
}

TEST_F(MainWindowTest, AScenarioFramesWhatItChangesAndTheInspectorTellsItsStory)
{
    window.resize(1400, 900);
    window.show();
    QApplication::processEvents();
    MapScene *scene = window.mapScene();
    EXPECT_TRUE(scene->affectedRect().isNull()); // a countermeasure that is off does not count

    Document *doc = window.document();
    doc->applyScenario(QStringLiteral("facetime-2025"));
    QApplication::processEvents();
    const QRectF affected = scene->affectedRect();
    const QGraphicsItem *relay = scene->itemFor(*doc->indexOf(QStringLiteral("facetime-relay")));
    ASSERT_NE(relay, nullptr);
    EXPECT_TRUE(affected.contains(relay->sceneBoundingRect()));
    const QRectF visible =
        window.mapView()->mapToScene(window.mapView()->viewport()->rect()).boundingRect();
    EXPECT_TRUE(visible.contains(relay->sceneBoundingRect().center()))
        << "visible " << visible.x() << "," << visible.y() << " " << visible.width() << "x" << visible.height()
        << "; relay at " << relay->sceneBoundingRect().center().x() << "," << relay->sceneBoundingRect().center().y();
    EXPECT_GE(window.mapView()->zoom(), 0.59); // close enough to read the names

    // The blocks list shows the scenario's block, far down the list.
    QTreeView *list = window.blocksPanel()->view();
    const auto *proxy = qobject_cast<const QAbstractProxyModel *>(list->model());
    ASSERT_NE(proxy, nullptr);
    const QModelIndex relayRow = proxy->mapFromSource(
        window.blocksPanel()->model()->indexOfNode(*doc->indexOf(QStringLiteral("facetime-relay"))));
    ASSERT_TRUE(relayRow.isValid());
    EXPECT_TRUE(list->viewport()->rect().intersects(list->visualRect(relayRow)));

    const QString overview = window.inspector()->plainText();
    EXPECT_TRUE(overview.contains(QString::fromStdString(doc->scenario()->title)));
    EXPECT_TRUE(overview.contains(QStringLiteral("FaceTime")));
    EXPECT_TRUE(overview.contains(QStringLiteral("What stops working")));

    doc->clearActions();
    EXPECT_TRUE(scene->affectedRect().isNull());
    EXPECT_TRUE(window.inspector()->plainText().contains(QStringLiteral("Nothing is blocked")));
}

} // namespace
} // namespace chokepoint::ui
