#pragma once

#include "model/types.h"
#include "style/palette.h"

#include <QGraphicsItem>
#include <QPainterPath>
#include <QPolygonF>

namespace chokepoint::ui {

/**
 * A dependency on the map, drawn from the dependency up to the node that needs it, ending in an
 * arrow: hard solid, fallback dashed, soft dotted. Its colour is the dependency's state (the
 * neutral edge colour while it is ok), so a failure can be followed upwards.
 *
 * One item may stand for several dependencies when a folded group is at one end; it then takes
 * the strongest type among them. The scene computes where it starts and ends (setEnds).
 */
class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    /// `from` and `to` are the scene's ids of the items at the ends (MapScene's visual ids).
    EdgeItem(int from, int to, const Palette *palette);

    int type() const override { return Type; }
    int from() const { return m_from; }
    int to() const { return m_to; }

    /// Start (on the dependency's top edge) and end (on the dependant's bottom edge).
    void setEnds(const QPointF &start, const QPointF &end);
    QPointF start() const { return m_start; }
    QPointF end() const { return m_end; }
    void setDepType(DepType type);
    DepType depType() const { return m_type; }
    void setSourceState(State state);
    State sourceState() const { return m_sourceState; }
    void setHighlighted(bool highlighted);
    void paletteChanged() { update(); }

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_from;
    int m_to;
    const Palette *m_palette;
    QPointF m_start;
    QPointF m_end;
    QPainterPath m_path;
    QPolygonF m_arrow;
    QRectF m_bounds;
    DepType m_type = DepType::Hard;
    State m_sourceState = State::Ok;
    bool m_highlighted = false;
};

} // namespace chokepoint::ui
