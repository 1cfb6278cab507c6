#include "map/edgeitem.h"

#include "map/mapconstants.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <cmath>

namespace chokepoint::ui {

using namespace mapstyle;

EdgeItem::EdgeItem(int from, int to, const Palette *palette) : m_from(from), m_to(to), m_palette(palette)
{
    setZValue(kZEdge);
    setAcceptedMouseButtons(Qt::NoButton);
}

void EdgeItem::setEnds(const QPointF &start, const QPointF &end)
{
    if (start == m_start && end == m_end && !m_path.isEmpty())
        return;
    prepareGeometryChange();
    m_start = start;
    m_end = end;
    // A vertical S from the dependency's top up to the dependant's bottom; the arrow's tip is the
    // end, and the line stops at the arrow's base so it never pokes through the tip.
    const double rise = std::max(std::abs(start.y() - end.y()) * 0.5, 30.0);
    const QPointF c1(start.x(), start.y() - rise);
    const QPointF c2(end.x(), end.y() + rise);
    QPointF dir = end - c2;
    const double len = std::hypot(dir.x(), dir.y());
    dir = len > 0 ? dir / len : QPointF(0, -1);
    const QPointF normal(-dir.y(), dir.x());
    const QPointF base = end - dir * kArrowLength;
    m_path = QPainterPath(start);
    m_path.cubicTo(c1, c2, base);
    m_arrow = QPolygonF({end, base + normal * kArrowHalfWidth, base - normal * kArrowHalfWidth});
    const double pad = kHighlightEdgeWidth + 1;
    m_bounds = m_path.boundingRect().united(m_arrow.boundingRect()).adjusted(-pad, -pad, pad, pad);
}

void EdgeItem::setDepType(DepType type)
{
    if (type == m_type)
        return;
    m_type = type;
    update();
}

void EdgeItem::setSourceState(State state)
{
    if (state == m_sourceState)
        return;
    m_sourceState = state;
    update();
}

void EdgeItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    setZValue(highlighted ? kZHighlightedEdge : kZEdge);
    update();
}

QRectF EdgeItem::boundingRect() const { return m_bounds; }

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(6);
    QPainterPath p = stroker.createStroke(m_path);
    p.addPolygon(m_arrow);
    return p;
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const Palette &pal = *m_palette;
    const QColor colour = m_sourceState == State::Ok ? pal.edge : pal.stateColor(m_sourceState);
    double width = m_sourceState == State::Failed ? kFailedEdgeWidth : kEdgeWidth;
    if (m_highlighted)
        width = kHighlightEdgeWidth;
    // Zoomed far out a dash is under a pixel long and stroking thousands of them is most of a
    // repaint; the line reads the same solid.
    const bool dashesVisible = option->levelOfDetailFromTransform(painter->worldTransform()) >= kDashMinZoom;
    // Likewise antialiasing a line thinner than a pixel buys nothing and costs most of the stroke.
    painter->setRenderHint(QPainter::Antialiasing, dashesVisible);
    const Qt::PenStyle style = m_type == DepType::Hard || !dashesVisible ? Qt::SolidLine
                               : m_type == DepType::Fallback            ? Qt::DashLine
                                                                         : Qt::DotLine;
    QPen pen(colour, width, style, Qt::FlatCap);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_arrow);
}

} // namespace chokepoint::ui
