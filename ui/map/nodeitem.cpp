#include "map/nodeitem.h"

#include "i18n/language.h"
#include "map/mapconstants.h"
#include "map/mappaint.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <algorithm>

namespace chokepoint::ui {
namespace {

using namespace mapstyle;

/// The kind line: "Platform service", plus how a gate or an any-node combines its dependencies.
QString kindLine(const Node &node)
{
    QString text = kindName(node.kind);
    int inputs = 0;
    for (const Dependency &d : node.dependsOn)
        inputs += d.type != DepType::Soft;
    // How its dependencies combine, when that is not plain "all of them".
    if (node.gate.kind == GateKind::Any && inputs > 1)
        text += QStringLiteral(" · ") + NodeItem::tr("any of %1").arg(inputs);
    else if (node.gate.kind == GateKind::AtLeast)
        text += QStringLiteral(" · ") + NodeItem::tr("%1 of %2").arg(node.gate.k).arg(inputs);
    else if (node.kind == Kind::Gate && inputs > 1)
        text += QStringLiteral(" · ") + NodeItem::tr("all of %1").arg(inputs);
    return text;
}

QStaticText staticText(const QString &text)
{
    QStaticText t(text);
    t.setTextFormat(Qt::PlainText);
    t.setPerformanceHint(QStaticText::AggressiveCaching);
    return t;
}

constexpr double kMargin = std::max(kSelectionGap + kSelectionWidth, kBadgeOverlap) + 2;

} // namespace

NodeItem::NodeItem(int index, const Node &node, const Palette *palette)
    : m_index(index), m_kind(node.kind), m_palette(palette)
{
    setZValue(kZNode);
    setAcceptedMouseButtons(Qt::NoButton); // MapController handles the mouse for the whole scene
    setFlag(ItemIsSelectable);
    retranslate(node);
}

void NodeItem::retranslate(const Node &node)
{
    m_name = nodeName(node);
    m_kindText = kindLine(node);
    const double textWidth = kNodeWidth - kChipWidth - 2 * kTextPadding;
    const QFontMetricsF kindMetrics(mapFont(kKindFontPx));
    m_kindLine = staticText(kindMetrics.elidedText(m_kindText, Qt::ElideRight, textWidth));
    const QFontMetricsF nameMetrics(mapFont(kNameFontPx, true));
    m_nameLines.clear();
    for (const QString &line : wrapText(m_name, nameMetrics, textWidth, kNameMaxLines))
        m_nameLines.push_back(staticText(line));
    updateToolTip();
    update();
}

QRectF NodeItem::boxRect() { return {-kNodeWidth / 2, -kNodeHeight / 2, kNodeWidth, kNodeHeight}; }

QRectF NodeItem::boundingRect() const { return boxRect().adjusted(-kMargin, -kMargin, kMargin, kMargin); }

QPainterPath NodeItem::shape() const
{
    QPainterPath p;
    p.addRect(boxRect());
    return p;
}

void NodeItem::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    updateToolTip();
    update();
}

void NodeItem::setAction(NodeAction action)
{
    if (action == m_action)
        return;
    m_action = action;
    updateToolTip();
    update();
}

void NodeItem::setPreviewed(bool previewed)
{
    if (previewed == m_previewed)
        return;
    m_previewed = previewed;
    update();
}

void NodeItem::setHovered(bool hovered)
{
    if (hovered == m_hovered)
        return;
    m_hovered = hovered;
    update();
}

void NodeItem::setMark(NodeMark mark)
{
    if (mark == m_mark)
        return;
    m_mark = mark;
    update();
}

void NodeItem::setFade(State from, double progress)
{
    progress = std::clamp(progress, 0.0, 1.0);
    if (from == m_fadeFrom && progress == m_fade)
        return;
    m_fadeFrom = from;
    m_fade = progress;
    update();
}

void NodeItem::updateToolTip()
{
    QString status = isOff() ? tr("off (not switched on)") : stateName(m_state);
    switch (m_action) {
    case NodeAction::Block:
        status += QStringLiteral(" · ") + tr("blocked");
        break;
    case NodeAction::Throttle:
        status += QStringLiteral(" · ") + tr("throttled");
        break;
    case NodeAction::Enable:
        status += QStringLiteral(" · ") + tr("switched on");
        break;
    case NodeAction::None:
        break;
    }
    setToolTip(QStringLiteral("%1\n%2 — %3").arg(m_name, m_kindText, status));
}

QPainterPath NodeItem::outlinePath() const
{
    const QRectF r = boxRect();
    QPainterPath p;
    if (m_kind == Kind::Gate) { // cut corners: a piece of logic, not a thing on the network
        const double c = kNodeRadius * 1.4;
        p.moveTo(r.left() + c, r.top());
        p.lineTo(r.right() - c, r.top());
        p.lineTo(r.right(), r.top() + c);
        p.lineTo(r.right(), r.bottom() - c);
        p.lineTo(r.right() - c, r.bottom());
        p.lineTo(r.left() + c, r.bottom());
        p.lineTo(r.left(), r.bottom() - c);
        p.lineTo(r.left(), r.top() + c);
        p.closeSubpath();
    } else {
        p.addRoundedRect(r, kNodeRadius, kNodeRadius);
    }
    return p;
}

void NodeItem::paintBadge(QPainter *painter, const QString &text, const QColor &background, const QColor &foreground,
                          bool left) const
{
    const QFont font = mapFont(kBadgeFontPx, true);
    const double width = QFontMetricsF(font).horizontalAdvance(text) + 2 * kBadgePadding;
    const QRectF box = boxRect();
    const double x = left ? box.left() + kNodeRadius : box.right() - kNodeRadius - width;
    const QRectF badge(x, box.top() - kBadgeOverlap, width, kBadgeHeight);
    painter->setPen(QPen(m_palette->background, 1.5));
    painter->setBrush(background);
    painter->drawRoundedRect(badge, kBadgeHeight / 2, kBadgeHeight / 2);
    painter->setPen(foreground);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, text);
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing); // edges may have switched it off (EdgeItem::paint)
    const Palette &pal = *m_palette;
    const bool off = isOff();
    // Mid-fade the colours blend from the old state's; the mark switches half way.
    const bool fading = m_fade < 1.0 && m_fadeFrom != m_state;
    const State shown = fading && m_fade < 0.5 ? m_fadeFrom : m_state;
    const QColor stateColour = off ? pal.edge
                               : fading ? mixColors(pal.stateColor(m_fadeFrom), pal.stateColor(m_state), m_fade)
                                        : pal.stateColor(m_state);
    const QRectF box = boxRect();
    const QPainterPath outline = outlinePath();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    // Selection and hover rings, outside the box.
    if (isSelected() || m_hovered) {
        const double w = isSelected() ? kSelectionWidth : kSelectionWidth * 0.7;
        painter->setPen(QPen(pal.highlight, w));
        painter->setBrush(Qt::NoBrush);
        const double g = kSelectionGap + w / 2;
        painter->drawRoundedRect(box.adjusted(-g, -g, g, g), kNodeRadius + g, kNodeRadius + g);
    }

    // The box, tinted by state, and the chip with the state's mark.
    painter->setPen(Qt::NoPen);
    painter->setBrush(off ? mixColors(pal.background, pal.edge, 0.18) : mixColors(pal.background, stateColour, kFillTint));
    painter->drawPath(outline);
    const double hatchShare = !fading ? (m_state == State::Failed ? 1.0 : 0.0)
                                      : (m_state == State::Failed ? m_fade : 0.0) + (m_fadeFrom == State::Failed ? 1.0 - m_fade : 0.0);
    if (!off && hatchShare > 0) { // hatched: failed reads without colour, at any zoom
        QColor hatch = stateColour;
        hatch.setAlphaF(static_cast<float>(kFailedHatchAlpha * hatchShare));
        QBrush brush(hatch, Qt::BDiagPattern);
        brush.setTransform(QTransform::fromScale(kFailedHatchScale, kFailedHatchScale));
        painter->setBrush(brush);
        painter->drawPath(outline);
    }
    painter->save();
    painter->setClipPath(outline);
    painter->fillRect(QRectF(box.left(), box.top(), kChipWidth, box.height()), stateColour);
    painter->restore();

    // The outline says what was done to the node.
    QPen pen(stateColour.darker(140), kOutlineWidth);
    switch (m_action) {
    case NodeAction::Block:
        pen = QPen(pal.blocked, kBlockedOutline);
        break;
    case NodeAction::Throttle:
        pen = QPen(pal.throttled.darker(115), kThrottledOutline, Qt::DashLine);
        break;
    case NodeAction::Enable:
        pen = QPen(pal.enabled, kEnabledOutline);
        break;
    case NodeAction::None:
        if (off)
            pen = QPen(pal.edge.darker(130), kOffOutline, Qt::DashLine);
        break;
    }
    pen.setJoinStyle(Qt::RoundJoin);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(outline);
    if (m_previewed) {
        QPen preview(pal.text, kPreviewOutline, Qt::DotLine);
        painter->setPen(preview);
        const double g = kPreviewOutline;
        painter->drawRoundedRect(box.adjusted(-g, -g, g, g), kNodeRadius + g, kNodeRadius + g);
    }
    if (lod < kTextMinZoom) {
        paintMark(painter);
        return; // too small to read: the colours, outlines and rings say enough
    }

    // Mark, kind, name.
    painter->setPen(Qt::white);
    painter->setFont(mapFont(kMarkFontPx, true));
    painter->drawText(QRectF(box.left(), box.top(), kChipWidth, box.height()), Qt::AlignCenter,
                      off ? QStringLiteral("○") : stateMark(shown));
    const double textX = box.left() + kChipWidth + kTextPadding;
    const double kindHeight = kKindFontPx * 1.25;
    const double lineHeight = kNameFontPx * 1.25;
    const double nameBlock = lineHeight * static_cast<double>(m_nameLines.size());
    const double top = box.top() + (box.height() - kindHeight - nameBlock) / 2 - 1;
    QColor kindColour = pal.text;
    kindColour.setAlphaF(0.72f);
    painter->setPen(kindColour);
    painter->setFont(mapFont(kKindFontPx));
    painter->drawStaticText(QPointF(textX, top), m_kindLine);
    painter->setPen(pal.text);
    painter->setFont(mapFont(kNameFontPx, true));
    double y = top + kindHeight;
    for (const QStaticText &line : m_nameLines) {
        painter->drawStaticText(QPointF(textX, y), line);
        y += lineHeight;
    }

    // Badges over the top edge.
    switch (m_action) {
    case NodeAction::Block:
        paintBadge(painter, tr("BLOCKED"), pal.blocked, Qt::white, false);
        break;
    case NodeAction::Throttle:
        paintBadge(painter, tr("THROTTLED"), pal.throttled, Qt::black, false);
        break;
    case NodeAction::Enable:
        paintBadge(painter, tr("ON"), pal.enabled, Qt::white, false);
        break;
    case NodeAction::None:
        if (off)
            paintBadge(painter, tr("OFF"), pal.edge.darker(115), Qt::white, false);
        break;
    }
    if (m_previewed)
        paintBadge(painter, tr("WOULD BLOCK"), pal.text, pal.background, true);
    paintMark(painter);
}

void NodeItem::paintMark(QPainter *painter) const
{
    if (m_mark == NodeMark::None)
        return;
    const Palette &pal = *m_palette;
    const QRectF box = boxRect();
    const bool ring = m_mark == NodeMark::Predicted || m_mark == NodeMark::Surprise;
    if (ring) {
        const double w = m_mark == NodeMark::Surprise ? kSurpriseRingWidth : kSelectionWidth;
        QPen pen(m_mark == NodeMark::Surprise ? pal.surprise : pal.text, w,
                 m_mark == NodeMark::Surprise ? Qt::SolidLine : Qt::DotLine);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        const double g = kSelectionGap + w / 2;
        painter->drawRoundedRect(box.adjusted(-g, -g, g, g), kNodeRadius + g, kNodeRadius + g);
    }
    switch (m_mark) {
    case NodeMark::Predicted:
        paintBadge(painter, tr("FAILS?"), pal.text, pal.background, true);
        break;
    case NodeMark::Hit:
        paintBadge(painter, tr("✓ PREDICTED"), pal.ok, Qt::white, true);
        break;
    case NodeMark::Partial:
        paintBadge(painter, tr("≈ ONLY DEGRADED"), pal.degraded, Qt::black, true);
        break;
    case NodeMark::Wrong:
        paintBadge(painter, tr("✗ STILL WORKS"), pal.edge.darker(130), Qt::white, true);
        break;
    case NodeMark::Surprise:
        paintBadge(painter, tr("SURPRISE"), pal.surprise, Qt::white, true);
        break;
    case NodeMark::None:
        break;
    }
}

} // namespace chokepoint::ui
