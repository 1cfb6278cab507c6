#include "map/mapcontroller.h"

#include "document/document.h"
#include "map/mapconstants.h"
#include "map/mapscene.h"
#include "map/nodeitem.h"

#include <QApplication>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QMenu>

namespace chokepoint::ui {

void MapController::mousePress(QGraphicsSceneMouseEvent *event)
{
    m_dragging = false;
    m_pressed = -1;
    const auto [node, group] = m_scene->hitTest(event->scenePos());
    if (event->button() != Qt::LeftButton || (node < 0 && group < 0)) {
        event->ignore(); // the background: the view pans
        return;
    }
    event->accept();
    if (node < 0)
        return; // a group: double-click unfolds it, nothing else
    m_pressed = node;
    m_pressScreen = event->screenPos();
    NodeItem *item = m_scene->nodeItem(node);
    m_grabOffset = item->pos() - event->scenePos();
    const QString id = qstr(m_scene->document()->node(node).id);
    m_from = m_scene->document()->position(id).value_or(NodePosition{item->x(), item->y(), false});
}

void MapController::mouseMove(QGraphicsSceneMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton)) {
        hover(event->scenePos());
        return;
    }
    if (m_pressed < 0 || m_scene->isMarking())
        return; // nodes stay put while a class marks its prediction
    if (!m_dragging) {
        if ((event->screenPos() - m_pressScreen).manhattanLength() < QApplication::startDragDistance())
            return;
        m_dragging = true;
        if (NodeItem *item = m_scene->nodeItem(m_pressed))
            item->setZValue(mapstyle::kZDraggedNode);
    }
    m_scene->moveNodeLive(m_pressed, event->scenePos() + m_grabOffset);
}

void MapController::mouseRelease(QGraphicsSceneMouseEvent *event)
{
    if (m_pressed < 0) {
        event->ignore();
        return;
    }
    const int node = m_pressed;
    m_pressed = -1;
    if (m_dragging) {
        m_dragging = false;
        if (NodeItem *item = m_scene->nodeItem(node)) {
            item->setZValue(mapstyle::kZNode);
            const NodePosition to{item->x(), item->y(), true};
            Document *doc = m_scene->document();
            doc->moveNode(qstr(doc->node(node).id), m_from, to); // one undoable step
        }
        return;
    }
    if (m_scene->isMarking()) {
        Q_EMIT m_scene->nodeMarkToggled(node);
        return;
    }
    m_scene->selectNode(node);
    Q_EMIT m_scene->nodeClicked(node);
}

void MapController::mouseDoubleClick(QGraphicsSceneMouseEvent *event)
{
    const auto [node, group] = m_scene->hitTest(event->scenePos());
    if (event->button() != Qt::LeftButton || (node < 0 && group < 0)) {
        event->ignore();
        return;
    }
    event->accept();
    if (group >= 0) {
        m_scene->expandGroup(m_scene->groupKey(group));
        return;
    }
    Q_EMIT m_scene->nodeDoubleClicked(node);
}

void MapController::hover(const QPointF &scenePos)
{
    const auto [node, group] = m_scene->hitTest(scenePos);
    if (group >= 0)
        m_scene->setHighlightGroup(group);
    else
        m_scene->setHighlight(node);
}

void MapController::contextMenu(QGraphicsSceneContextMenuEvent *event)
{
    const auto [node, group] = m_scene->hitTest(event->scenePos());
    const QString key = group >= 0 ? m_scene->groupKey(group) : m_scene->groupKeyOf(node);
    if (key.isEmpty()) {
        event->ignore();
        return;
    }
    QMenu menu;
    const QString title = m_scene->groupTitle(key);
    if (m_scene->isCollapsed(key))
        menu.addAction(QCoreApplication::translate("MapController", "Unfold “%1”").arg(title),
                       [this, key] { m_scene->expandGroup(key); });
    else
        menu.addAction(QCoreApplication::translate("MapController", "Fold “%1” into one box").arg(title),
                       [this, key] { m_scene->collapseGroup(key); });
    menu.exec(event->screenPos());
    event->accept();
}

} // namespace chokepoint::ui
