#include "map/layerbanditem.h"

#include "map/mapconstants.h"
#include "map/mappaint.h"

#include <QCoreApplication>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace chokepoint::ui {

using namespace mapstyle;

namespace {

/// A line under the layer's name saying what lives there, for a first-time reader.
QString layerHint(Layer l)
{
    switch (l) {
    case Layer::App:
        return QCoreApplication::translate("LayerBandItem", "what people open");
    case Layer::Function:
        return QCoreApplication::translate("LayerBandItem", "what they do with it");
    case Layer::Platform:
        return QCoreApplication::translate("LayerBandItem", "services behind it");
    case Layer::Network:
        return QCoreApplication::translate("LayerBandItem", "addresses, ports, domains");
    case Layer::Other:
        break;
    }
    return {};
}

} // namespace

LayerBandItem::LayerBandItem(Layer layer, const Palette *palette) : m_layer(layer), m_palette(palette)
{
    setZValue(kZBand);
    setAcceptedMouseButtons(Qt::NoButton);
}

void LayerBandItem::setRect(const QRectF &rect)
{
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void LayerBandItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing); // edges may have switched it off (EdgeItem::paint)
    const Palette &pal = *m_palette;
    // Alternate two shades so neighbouring bands stay apart without a line between them.
    const bool odd = static_cast<int>(m_layer) % 2 == 1;
    painter->setPen(Qt::NoPen);
    painter->setBrush(odd ? mixColors(pal.layerBand, pal.background, 0.55) : pal.layerBand);
    painter->drawRoundedRect(m_rect, 14, 14);
    if (option->levelOfDetailFromTransform(painter->worldTransform()) < kBandLabelMinZoom)
        return; // MapView tags the band at its edge instead

    QColor label = pal.text;
    label.setAlphaF(0.55f);
    painter->setPen(label);
    painter->setFont(mapFont(kBandFontPx, true));
    const QRectF text(m_rect.left() + 24, m_rect.top(), kBandMarginX - 60, m_rect.height());
    painter->drawText(text.adjusted(0, 0, 0, -kBandHintFontPx * 1.6), Qt::AlignLeft | Qt::AlignVCenter,
                      layerName(m_layer));
    painter->setFont(mapFont(kBandHintFontPx));
    painter->drawText(text.adjusted(0, kBandFontPx * 1.3, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                      layerHint(m_layer));
}

} // namespace chokepoint::ui
