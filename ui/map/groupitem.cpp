#include "map/groupitem.h"

#include "map/mapconstants.h"
#include "map/mappaint.h"
#include "map/nodeitem.h"

#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace chokepoint::ui {

using namespace mapstyle;

namespace {
constexpr double kMargin = kSelectionGap + kSelectionWidth + kGroupStackOffset * 2 + 2;
} // namespace

GroupItem::GroupItem(int group, const QString &title, const Palette *palette)
    : m_group(group), m_title(title), m_palette(palette)
{
    setZValue(kZGroup);
    setAcceptedMouseButtons(Qt::NoButton);
    updateText();
}

void GroupItem::setTitle(const QString &title)
{
    if (title == m_title)
        return;
    m_title = title;
    updateText();
    update();
}

void GroupItem::setCounts(const std::array<int, 3> &counts)
{
    if (counts == m_counts)
        return;
    m_counts = counts;
    updateText();
    update();
}

State GroupItem::worstState() const
{
    if (m_counts[static_cast<int>(State::Failed)] > 0)
        return State::Failed;
    if (m_counts[static_cast<int>(State::Degraded)] > 0)
        return State::Degraded;
    return State::Ok;
}

void GroupItem::setPreviewed(int members)
{
    if (members == m_previewed)
        return;
    m_previewed = members;
    update();
}

void GroupItem::setHovered(bool hovered)
{
    if (hovered == m_hovered)
        return;
    m_hovered = hovered;
    update();
}

void GroupItem::updateText()
{
    const QLocale locale;
    const double width = kNodeWidth - kChipWidth - 2 * kTextPadding;
    m_titleText = QStaticText(QFontMetricsF(mapFont(kNameFontPx, true)).elidedText(m_title, Qt::ElideRight, width));
    m_titleText.setTextFormat(Qt::PlainText);
    // "1,250 · ✕ 12  ✓ 1,238": how many, then how many in each state, worst first.
    QStringList parts;
    for (State s : {State::Failed, State::Degraded, State::Ok})
        if (const int n = m_counts[static_cast<int>(s)])
            parts << QStringLiteral("%1 %2").arg(stateMark(s), locale.toString(n));
    m_countText = QStringLiteral("%1 · %2").arg(locale.toString(memberCount()), parts.join(QStringLiteral("  ")));
    setToolTip(tr("%1 — %n member(s), folded\n%2 failed, %3 degraded, %4 ok\nDouble-click to unfold", nullptr,
                  memberCount())
                   .arg(m_title)
                   .arg(m_counts[0])
                   .arg(m_counts[1])
                   .arg(m_counts[2]));
}

QRectF GroupItem::boundingRect() const
{
    return NodeItem::boxRect().adjusted(-kMargin, -kMargin, kMargin, kMargin);
}

QPainterPath GroupItem::shape() const
{
    QPainterPath p;
    p.addRect(NodeItem::boxRect());
    return p;
}

void GroupItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing); // edges may have switched it off (EdgeItem::paint)
    const Palette &pal = *m_palette;
    const State worst = worstState();
    const QColor colour = pal.stateColor(worst);
    const QRectF box = NodeItem::boxRect();
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    if (isSelected() || m_hovered) {
        const double w = isSelected() ? kSelectionWidth : kSelectionWidth * 0.7;
        painter->setPen(QPen(pal.highlight, w));
        painter->setBrush(Qt::NoBrush);
        const double g = kSelectionGap + w / 2;
        painter->drawRoundedRect(box.adjusted(-g, -g - 2 * kGroupStackOffset, g + 2 * kGroupStackOffset, g),
                                 kNodeRadius + g, kNodeRadius + g);
    }
    // Two cards behind: this box stands for many.
    const QColor fill = mixColors(pal.background, colour, kFillTint);
    painter->setPen(QPen(colour.darker(140), kOutlineWidth));
    for (int k = 2; k >= 1; --k) {
        painter->setBrush(mixColors(fill, pal.background, 0.25 * k));
        const double o = kGroupStackOffset * k;
        painter->drawRoundedRect(box.translated(o, -o), kNodeRadius, kNodeRadius);
    }
    painter->setBrush(fill);
    painter->drawRoundedRect(box, kNodeRadius, kNodeRadius);
    QPainterPath clip;
    clip.addRoundedRect(box, kNodeRadius, kNodeRadius);
    painter->save();
    painter->setClipPath(clip);
    painter->fillRect(QRectF(box.left(), box.top(), kChipWidth, box.height()), colour);
    // The shares of each state along the foot, worst first.
    double x = box.left() + kChipWidth;
    const double barWidth = box.width() - kChipWidth;
    const int total = std::max(1, memberCount());
    for (State s : {State::Failed, State::Degraded, State::Ok}) {
        const double w = barWidth * m_counts[static_cast<int>(s)] / total;
        painter->fillRect(QRectF(x, box.bottom() - kGroupBarHeight, w, kGroupBarHeight), pal.stateColor(s));
        x += w;
    }
    painter->restore();
    if (m_previewed > 0) {
        painter->setPen(QPen(pal.text, kPreviewOutline, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        const double g = kPreviewOutline;
        painter->drawRoundedRect(box.adjusted(-g, -g, g, g), kNodeRadius + g, kNodeRadius + g);
    }
    if (lod < kTextMinZoom)
        return;

    painter->setPen(Qt::white);
    painter->setFont(mapFont(kMarkFontPx, true));
    painter->drawText(QRectF(box.left(), box.top(), kChipWidth, box.height() - kGroupBarHeight), Qt::AlignCenter,
                      stateMark(worst));
    const double textX = box.left() + kChipWidth + kTextPadding;
    QColor caption = pal.text;
    caption.setAlphaF(0.72f);
    painter->setPen(caption);
    painter->setFont(mapFont(kKindFontPx));
    painter->drawText(QPointF(textX, box.top() + 4 + kKindFontPx), tr("Folded group · double-click"));
    painter->setPen(pal.text);
    painter->setFont(mapFont(kNameFontPx, true));
    painter->drawStaticText(QPointF(textX, box.top() + 5 + kKindFontPx * 1.3), m_titleText);
    painter->setFont(mapFont(kKindFontPx + 1, true));
    painter->drawText(QPointF(textX, box.bottom() - kGroupBarHeight - 5), m_countText);
}

} // namespace chokepoint::ui
