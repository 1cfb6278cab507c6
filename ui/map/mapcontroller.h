#pragma once

#include "io/documentfile.h"

#include <QPointF>

class QGraphicsSceneContextMenuEvent;
class QGraphicsSceneMouseEvent;

namespace chokepoint::ui {

class MapScene;

/**
 * What the mouse does on the map (STYLE.md 11: interaction out of the items). A click selects a
 * node and reports it; a double-click reports it, or unfolds a group; dragging a node moves it live
 * and, on release, moves it in the document (one undoable step, pinned); hovering lights up what a
 * node depends on and what depends on it; the context menu folds and unfolds groups. A press on the
 * background is left unaccepted so the view pans.
 */
class MapController
{
public:
    explicit MapController(MapScene *scene) : m_scene(scene) {}

    void mousePress(QGraphicsSceneMouseEvent *event);
    void mouseMove(QGraphicsSceneMouseEvent *event);
    void mouseRelease(QGraphicsSceneMouseEvent *event);
    void mouseDoubleClick(QGraphicsSceneMouseEvent *event);
    void contextMenu(QGraphicsSceneContextMenuEvent *event);

    bool isDragging() const { return m_dragging; }

private:
    void hover(const QPointF &scenePos);

    MapScene *m_scene;
    int m_pressed = -1;     ///< node under the press, or -1
    QPointF m_pressScreen;  ///< where the press was, in screen pixels
    QPointF m_grabOffset;   ///< node centre minus the press point, in scene units
    NodePosition m_from;    ///< the node's position before the drag
    bool m_dragging = false;
};

} // namespace chokepoint::ui
