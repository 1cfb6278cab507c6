#pragma once

#include <QImage>
#include <QRectF>
#include <QSize>
#include <QString>
#include <optional>

class QCPPainter;
class QGraphicsView;

namespace chokepoint::ui {

class ChartCanvas;

/// The files a chart or the map exports to.
enum class ExportFormat
{
    Png,
    Svg,
    Pdf
};

/// The format named by a file's suffix (.png, .svg, .pdf; any case), or nullopt.
std::optional<ExportFormat> exportFormatOf(const QString &path);

/// What to export: `size` in pixels (device-independent: the layout's size; PDF pages take it at
/// 96 dpi), `scale` multiplies a PNG's pixels for sharper slides (2 = twice the pixels, same layout).
struct ExportOptions
{
    QSize size;
    double scale = 1.0;
    QString title; ///< the SVG's and PDF's document title
};

/**
 * Exports a chart exactly as it is drawn on screen, laid out at `options.size`: PNG through
 * QCustomPlot's raster path, SVG through QSvgGenerator with text as <text>, PDF as vectors on one
 * page of that size. Returns false and sets `error` when the file cannot be written.
 */
bool exportChart(ChartCanvas *canvas, const QString &path, const ExportOptions &options,
                 QString *error = nullptr);

/// Draws a chart laid out at `size` into `target` of an active painter (vector devices stay vector).
void paintChart(ChartCanvas *canvas, QCPPainter *painter, const QRectF &target, QSize size);

/// The chart as an image of `size` × `scale` pixels.
QImage chartImage(ChartCanvas *canvas, QSize size, double scale = 1.0);

/**
 * Exports what a view shows — the map with its legend and layer tags — fitted into
 * `options.size` keeping its proportions (the rest is the view's background).
 */
bool exportView(QGraphicsView *view, const QString &path, const ExportOptions &options,
                QString *error = nullptr);

/// The view's visible area as an image of `size` × `scale` pixels.
QImage viewImage(QGraphicsView *view, QSize size, double scale = 1.0);

} // namespace chokepoint::ui
