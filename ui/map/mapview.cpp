#include "map/mapview.h"

#include "map/layerbanditem.h"
#include "map/mapconstants.h"
#include "map/mappaint.h"
#include "map/mapscene.h"
#include "map/nodeitem.h"

#include <QGraphicsItem>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace chokepoint::ui {

using namespace mapstyle;

MapView::MapView(QWidget *parent)
    : QGraphicsView(parent), m_focusMinZoom(kFocusMinZoom), m_maxFitZoom(kMaxFitZoom)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    setViewportUpdateMode(QGraphicsView::BoundingRectViewportUpdate);
    // Items set every pen, brush and font they use before drawing.
    setOptimizationFlags(QGraphicsView::DontSavePainterState);
    setFrameShape(QFrame::NoFrame);
    // A map, not a document: drag the background or use the wheel; no scroll bars in the way.
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setMouseTracking(true);
    setMinimumSize(200, 150);
}

MapScene *MapView::mapScene() const { return qobject_cast<MapScene *>(scene()); }

double MapView::zoom() const { return transform().m11(); }

void MapView::fitAll()
{
    MapScene *s = mapScene();
    if (!s)
        return;
    m_fit = Fit::All;
    frame(s->contentRect(), kMinZoom, false);
}

void MapView::setPresentationScale(double textScale, double focusMinZoom, double maxFitZoom)
{
    m_textScale = textScale > 0 ? textScale : 1.0;
    m_focusMinZoom = focusMinZoom > 0 ? focusMinZoom : kFocusMinZoom;
    m_maxFitZoom = maxFitZoom > 0 ? maxFitZoom : kMaxFitZoom;
    refit();
    viewport()->update();
}

void MapView::focusOnAffected()
{
    MapScene *s = mapScene();
    if (!s)
        return;
    const QRectF affected = s->affectedRect();
    if (affected.isNull()) {
        fitAll();
        return;
    }
    m_fit = Fit::Affected;
    // Too tall to fit readably: the bottom, where the blocks are, stays in view, with as much of
    // what fails above it as fits.
    frame(affected.adjusted(-kFocusMargin, -kFocusMargin, kFocusMargin, kFocusMargin), m_focusMinZoom,
          /*keepBottom=*/true);
}

void MapView::refit()
{
    if (m_fit == Fit::All)
        fitAll();
    else if (m_fit == Fit::Affected)
        focusOnAffected();
}

void MapView::frame(QRectF content, double minZoom, bool keepBottom)
{
    if (content.isEmpty())
        return;
    QRectF target = viewport()->rect().adjusted(kFitMargin, kFitMargin, -kFitMargin, -kFitMargin);
    if (m_legend && legendRect().isValid())
        target.setBottom(legendRect().top() - 4); // keep the legend off the map
    const double scale = std::clamp(std::min(target.width() / content.width(), target.height() / content.height()),
                                    minZoom, std::max(minZoom, m_maxFitZoom));
    if (keepBottom && content.height() * scale > target.height())
        content.setTop(content.bottom() - target.height() / scale);
    setTransform(QTransform::fromScale(scale, scale));
    // The content's centre goes to the middle of the target (above the legend), not of the view.
    centerOn(content.center() + (QRectF(viewport()->rect()).center() - target.center()) / scale);
    Q_EMIT zoomChanged(scale);
}

void MapView::zoomBy(double factor, ViewportAnchor anchor)
{
    const double next = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    if (next == zoom())
        return;
    m_fit = Fit::None;
    const ViewportAnchor before = transformationAnchor();
    setTransformationAnchor(anchor);
    scale(next / zoom(), next / zoom());
    setTransformationAnchor(before);
    Q_EMIT zoomChanged(next);
}

void MapView::zoomIn() { zoomBy(kZoomStep, AnchorViewCenter); }
void MapView::zoomOut() { zoomBy(1.0 / kZoomStep, AnchorViewCenter); }

void MapView::resetZoom()
{
    m_fit = Fit::None;
    const QPointF centre = mapToScene(viewport()->rect().center());
    setTransform(QTransform());
    centerOn(centre);
    Q_EMIT zoomChanged(1.0);
}

void MapView::centerOnNode(int index)
{
    MapScene *s = mapScene();
    if (!s)
        return;
    s->selectNode(index);
    if (QGraphicsItem *item = s->itemFor(index)) {
        m_fit = Fit::None;
        if (zoom() < kTextMinZoom * 1.6) { // make the node readable
            const QPointF c = item->scenePos();
            setTransform(QTransform::fromScale(0.8, 0.8));
            centerOn(c);
            Q_EMIT zoomChanged(0.8);
        } else {
            centerOn(item);
        }
    }
}

void MapView::wheelEvent(QWheelEvent *event)
{
    const QPoint delta = event->angleDelta();
    if (delta.y() == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    zoomBy(std::pow(kWheelZoomBase, delta.y()), AnchorUnderMouse);
    event->accept();
}

void MapView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    refit();
}

void MapView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    refit();
}

void MapView::leaveEvent(QEvent *event)
{
    if (MapScene *s = mapScene())
        s->setHighlight(-1);
    QGraphicsView::leaveEvent(event);
}

void MapView::mousePressEvent(QMouseEvent *event)
{
    QGraphicsView::mousePressEvent(event);
    if (dragMode() == ScrollHandDrag && event->isAccepted())
        m_fit = Fit::None; // the user took over
}

void MapView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn) || event->key() == Qt::Key_Plus) {
        zoomIn();
    } else if (event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus) {
        zoomOut();
    } else {
        QGraphicsView::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace chokepoint::ui

namespace chokepoint::ui {

void MapView::setLegendVisible(bool visible)
{
    m_legend = visible;
    viewport()->update();
}

void MapView::drawForeground(QPainter *painter, const QRectF &)
{
    if (!mapScene())
        return;
    painter->save();
    painter->resetTransform(); // viewport pixels from here
    drawLayerTags(painter);
    if (m_legend)
        drawLegend(painter);
    painter->restore();
}

void MapView::drawLayerTags(QPainter *painter)
{
    MapScene *s = mapScene();
    const QRect view = viewport()->rect();
    const QFont font = mapFont(static_cast<int>(kStickyLabelFontPx * m_textScale), true);
    painter->setFont(font);
    const QFontMetricsF metrics(font);
    for (Layer l : {Layer::App, Layer::Function, Layer::Platform, Layer::Network}) {
        const LayerBandItem *band = s->bandItem(l);
        if (!band)
            continue;
        const QRectF r = mapFromScene(band->rect()).boundingRect();
        // The band's own label sits at its left; once that is off screen, or too small to read,
        // a small tag names the band in its top margin (free of nodes), or, zoomed far out, in
        // the middle of what shows of it.
        const bool ownLabelVisible = r.left() + 24 >= view.left() && zoom() >= kBandLabelMinZoom;
        if (ownLabelVisible)
            continue;
        double middle = r.top() + kBandPadY * zoom() / 2;
        double left = view.left() + 8;
        if (zoom() < kBandLabelMinZoom) { // far out: in the band's own left margin, mid-height
            const double top = std::max<double>(r.top(), view.top());
            const double bottom = std::min<double>(r.bottom(), view.bottom());
            if (bottom - top < metrics.height() * 2)
                continue;
            middle = (top + bottom) / 2;
            left = std::max(left, r.left() + 4);
        } else if (middle - metrics.height() / 2 < view.top()) {
            continue; // the next band down carries a tag
        }
        const QString text = layerName(l);
        const QRectF tag(left, middle - metrics.height() / 2 - 3,
                         metrics.horizontalAdvance(text) + 16, metrics.height() + 6);
        QColor back = s->palette().background;
        back.setAlphaF(0.85f);
        painter->setPen(Qt::NoPen);
        painter->setBrush(back);
        painter->drawRoundedRect(tag, tag.height() / 2, tag.height() / 2);
        QColor ink = s->palette().text;
        ink.setAlphaF(0.7f);
        painter->setPen(ink);
        painter->drawText(tag, Qt::AlignCenter, text);
    }
}

QRectF MapView::legendRect() const
{
    const QFontMetricsF metrics(mapFont(static_cast<int>(kLegendFontPx * m_textScale)));
    const double line = metrics.height() + 8;
    double width = 0;
    for (const QString &text : {tr("needs"), tr("fallback"), tr("nice to have")})
        width += kLegendLineLength * m_textScale + 6 + metrics.horizontalAdvance(text) + 14;
    const QRectF box(8, viewport()->height() - 8 - 2 * line - 10, width + 10, 2 * line + 10);
    if (box.top() < viewport()->height() / 2.0 || box.width() > viewport()->width() / 2.0)
        return {}; // a small view: the map comes first
    return box;
}

/// Two lines: the three states with their marks, and the three kinds of dependency.
void MapView::drawLegend(QPainter *painter)
{
    const Palette &pal = mapScene()->palette();
    const QFont font = mapFont(static_cast<int>(kLegendFontPx * m_textScale));
    const QFontMetricsF metrics(font);
    const double line = metrics.height() + 8;
    const double chip = metrics.height() + 2;
    struct StateKey
    {
        State state;
        QString text;
    };
    const StateKey states[] = {{State::Ok, tr("works")}, {State::Degraded, tr("degraded")}, {State::Failed, tr("fails")}};
    struct EdgeKey
    {
        Qt::PenStyle style;
        QString text;
    };
    const EdgeKey edges[] = {{Qt::SolidLine, tr("needs")}, {Qt::DashLine, tr("fallback")}, {Qt::DotLine, tr("nice to have")}};
    const QRectF box = legendRect();
    if (!box.isValid())
        return;
    QColor back = pal.background;
    back.setAlphaF(0.9f);
    painter->setPen(QPen(pal.edge, 1));
    painter->setBrush(back);
    painter->drawRoundedRect(box, 8, 8);
    painter->setFont(font);
    double x = box.left() + 10;
    double y = box.top() + 5;
    for (const StateKey &k : states) {
        const QRectF c(x, y + (line - chip) / 2, chip, chip);
        painter->setPen(Qt::NoPen);
        painter->setBrush(pal.stateColor(k.state));
        painter->drawRoundedRect(c, 3, 3);
        painter->setPen(Qt::white);
        painter->drawText(c, Qt::AlignCenter, stateMark(k.state));
        painter->setPen(pal.text);
        x = c.right() + 6;
        painter->drawText(QRectF(x, y, 400, line), Qt::AlignLeft | Qt::AlignVCenter, k.text);
        x += metrics.horizontalAdvance(k.text) + 14;
    }
    x = box.left() + 10;
    y += line;
    for (const EdgeKey &k : edges) {
        painter->setPen(QPen(pal.edge.darker(130), 2, k.style, Qt::FlatCap));
        painter->drawLine(QPointF(x, y + line / 2), QPointF(x + kLegendLineLength * m_textScale, y + line / 2));
        x += kLegendLineLength * m_textScale + 6;
        painter->setPen(pal.text);
        painter->drawText(QRectF(x, y, 400, line), Qt::AlignLeft | Qt::AlignVCenter, k.text);
        x += metrics.horizontalAdvance(k.text) + 14;
    }
}

} // namespace chokepoint::ui
