#pragma once

#include <QGraphicsView>

namespace chokepoint::ui {

class MapScene;

/**
 * Shows a MapScene: antialiased, zoom with the wheel around the cursor, pan by dragging the
 * background, fit, zoom in and out, reset, centre on a node. Hover is passed on to the scene
 * (which lights up dependencies and dependants); leaving the view clears it. Zoom is a view
 * transform on device-independent units, so it is high-DPI correct and renders the same offscreen
 * (QWidget::grab) as on screen.
 */
class MapView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit MapView(QWidget *parent = nullptr);

    MapScene *mapScene() const;
    /// The current zoom: 1 shows the map at its natural size.
    double zoom() const;
    /// The key to colours, marks and lines in the bottom-left corner (on by default).
    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_legend; }
    /**
     * For a projector: the legend and the layer tags drawn `textScale` times their size, and
     * focusOnAffected() zooming to at least `focusMinZoom` (up to `maxFitZoom`) so node labels
     * read from the back of the room. (1, 0, 0) restores the defaults.
     */
    void setPresentationScale(double textScale, double focusMinZoom, double maxFitZoom);

public Q_SLOTS:
    /// Shows everything; until the user zooms or pans it keeps doing so when the view is resized.
    void fitAll();
    /// Frames what the actions in force touch (MapScene::affectedRect) at a zoom where labels can
    /// still be read, centring on it when it is too big to fit; shows everything when nothing is
    /// affected. Like fitAll(), it holds across resizes until the user zooms or pans.
    void focusOnAffected();
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Scrolls node `index` into the middle and selects it (unfolding its group if needed).
    void centerOnNode(int index);

Q_SIGNALS:
    void zoomChanged(double zoom);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    /// Keeps each layer's name in sight at the left edge once the band's own label scrolled away.
    void drawForeground(QPainter *painter, const QRectF &rect) override;

private:
    void zoomBy(double factor, ViewportAnchor anchor);
    void drawLayerTags(QPainter *painter);
    void drawLegend(QPainter *painter);
    /// Where the legend goes in the viewport; invalid when the view is too small for it.
    QRectF legendRect() const;

    /// Frames `content` in the viewport (above the legend) at a zoom between `minZoom` and
    /// kMaxFitZoom; when it is too tall even at `minZoom`, `keepBottom` shows its bottom part.
    void frame(QRectF content, double minZoom, bool keepBottom);
    void refit();

    enum class Fit { None, All, Affected };
    Fit m_fit = Fit::None;
    bool m_legend = true;
    double m_textScale = 1.0;
    double m_focusMinZoom;
    double m_maxFitZoom;
};

} // namespace chokepoint::ui
