#pragma once

#include "model/types.h"
#include "style/palette.h"

#include <QGraphicsItem>

namespace chokepoint::ui {

/// The labelled band behind one layer of the map ("Apps", "Functions", "Platform", "Network").
class LayerBandItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 4 };

    LayerBandItem(Layer layer, const Palette *palette);

    int type() const override { return Type; }
    Layer layer() const { return m_layer; }
    void setRect(const QRectF &rect);
    QRectF rect() const { return m_rect; }
    void paletteChanged() { update(); }

    QRectF boundingRect() const override { return m_rect; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    Layer m_layer;
    const Palette *m_palette;
    QRectF m_rect;
};

} // namespace chokepoint::ui
