#include "charts/chartexport.h"

#include "charts/chartcanvas.h"
#include "charts/chartstyle.h"
#include "charts/qcp.h"
#include "map/mappaint.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QFontInfo>
#include <QGraphicsView>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgGenerator>
#include <functional>

namespace chokepoint::ui {
namespace {

/// Pixels per inch of an export's layout: a PDF page of W×H pixels is W×H × 72/96 points.
constexpr int kLayoutDpi = 96;

struct Export
{
    Q_DECLARE_TR_FUNCTIONS(Export)
};

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

bool checkOptions(const ExportOptions &o, QString *error)
{
    const bool sizeOk =
        o.size.width() >= chartstyle::kMinExportSide && o.size.height() >= chartstyle::kMinExportSide &&
        o.size.width() <= chartstyle::kMaxExportSide && o.size.height() <= chartstyle::kMaxExportSide;
    if (!sizeOk)
        return fail(error, Export::tr("The size must be between %1 and %2 pixels on each side.")
                               .arg(chartstyle::kMinExportSide)
                               .arg(chartstyle::kMaxExportSide));
    if (!(o.scale >= 1.0 && o.scale <= chartstyle::kMaxExportScale))
        return fail(error,
                    Export::tr("The scale must be between 1 and %1.").arg(chartstyle::kMaxExportScale));
    return true;
}

/// Replaces `path` with `bytes` atomically: a reader sees the old file or the new one, never half.
bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile out(path);
    return out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size() && out.commit();
}

/**
 * QSvgGenerator names fonts as Qt knows them ("Sans Serif" is Qt's alias, unknown to browsers).
 * Names the family the text was laid out with, then the CSS generic family, so a browser or a
 * slide program without that font still draws sans-serif text of about the same width.
 */
QByteArray fixSvgFonts(const QByteArray &bytes)
{
    QString svg = QString::fromUtf8(bytes);
    const QString laidOut = QFontInfo(mapFont(12)).family().toHtmlEscaped();
    static const QRegularExpression family(QStringLiteral("font-family=\"([^\"]*)\""));
    svg.replace(family, QStringLiteral("font-family=\"%1, sans-serif\"").arg(laidOut));
    return svg.toUtf8();
}

bool writePng(const QImage &image, const QString &path, QString *error)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    const bool encoded = buffer.open(QIODevice::WriteOnly) && image.save(&buffer, "PNG");
    return (encoded && writeAtomically(path, bytes)) || fail(error, Export::tr("Cannot write %1.").arg(path));
}

/// Writes a vector file (SVG or PDF) of `size` by handing `paint` a painter on it; the file is
/// drawn in memory and then replaces `path` atomically.
bool writeVector(ExportFormat format, const QString &path, const ExportOptions &o,
                 const std::function<void(QCPPainter *, const QRectF &)> &paint, QString *error)
{
    const QRectF target(QPointF(0, 0), QSizeF(o.size));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    if (!buffer.open(QIODevice::WriteOnly))
        return fail(error, Export::tr("Cannot write %1.").arg(path));
    if (format == ExportFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(o.size);
        svg.setViewBox(target);
        svg.setResolution(kLayoutDpi);
        svg.setTitle(o.title);
        svg.setDescription(Export::tr("Exported by Chokepoint"));
        QCPPainter painter;
        if (!painter.begin(&svg))
            return fail(error, Export::tr("Cannot write %1.").arg(path));
        paint(&painter, target);
        painter.end();
        return writeAtomically(path, fixSvgFonts(bytes)) ||
               fail(error, Export::tr("Cannot write %1.").arg(path));
    }
    {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kLayoutDpi);
        pdf.setCreator(QStringLiteral("Chokepoint"));
        pdf.setTitle(o.title);
        const QSizeF points = QSizeF(o.size) * 72.0 / kLayoutDpi;
        pdf.setPageLayout(QPageLayout(QPageSize(points, QPageSize::Point, QString(), QPageSize::ExactMatch),
                                      QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        QCPPainter painter;
        if (!painter.begin(&pdf))
            return fail(error, Export::tr("Cannot write %1.").arg(path));
        paint(&painter, target);
        painter.end();
    }
    return (!bytes.isEmpty() && writeAtomically(path, bytes)) ||
           fail(error, Export::tr("Cannot write %1.").arg(path));
}

} // namespace

std::optional<ExportFormat> exportFormatOf(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ExportFormat::Png;
    if (suffix == QLatin1String("svg"))
        return ExportFormat::Svg;
    if (suffix == QLatin1String("pdf"))
        return ExportFormat::Pdf;
    return std::nullopt;
}

void paintChart(ChartCanvas *canvas, QCPPainter *painter, const QRectF &target, QSize size)
{
    canvas->prepareForWidth(size.width());
    painter->save();
    painter->translate(target.topLeft());
    painter->scale(target.width() / size.width(), target.height() / size.height());
    // Vector output wants no cached label pixmaps.
    painter->setMode(QCPPainter::pmVectorized);
    painter->setMode(QCPPainter::pmNoCaching);
    canvas->toPainter(painter, size.width(), size.height());
    painter->restore();
    canvas->prepareForWidth(canvas->width());
    canvas->replot(QCustomPlot::rpQueuedReplot);
}

QImage chartImage(ChartCanvas *canvas, QSize size, double scale)
{
    canvas->prepareForWidth(size.width());
    const QPixmap pixmap = canvas->toPixmap(size.width(), size.height(), scale);
    canvas->prepareForWidth(canvas->width());
    canvas->replot(QCustomPlot::rpQueuedReplot);
    return pixmap.toImage();
}

namespace {

/// The format `path` asks for, once it and `options` are known to be good; nullopt (with `error`
/// set) otherwise.
std::optional<ExportFormat> checkedFormat(const QString &path, const ExportOptions &options, QString *error)
{
    const auto format = exportFormatOf(path);
    if (!format) {
        fail(error, Export::tr("Export to .png, .svg or .pdf, not “%1”.").arg(QFileInfo(path).fileName()));
        return std::nullopt;
    }
    if (!checkOptions(options, error))
        return std::nullopt;
    return format;
}

} // namespace

bool exportChart(ChartCanvas *canvas, const QString &path, const ExportOptions &options, QString *error)
{
    const auto format = checkedFormat(path, options, error);
    if (!format)
        return false;
    if (*format == ExportFormat::Png) {
        return writePng(chartImage(canvas, options.size, options.scale), path, error);
    }
    ExportOptions o = options;
    if (o.title.isEmpty())
        o.title = canvas->text().title;
    return writeVector(
        *format, path, o, [&](QCPPainter *p, const QRectF &target) { paintChart(canvas, p, target, o.size); },
        error);
}

QImage viewImage(QGraphicsView *view, QSize size, double scale)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(view->backgroundBrush().color().isValid() && view->backgroundBrush().style() != Qt::NoBrush
                   ? view->backgroundBrush().color()
                   : view->palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing |
                           QPainter::SmoothPixmapTransform);
    view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size)), view->viewport()->rect());
    painter.end();
    return image;
}

bool exportView(QGraphicsView *view, const QString &path, const ExportOptions &options, QString *error)
{
    const auto format = checkedFormat(path, options, error);
    if (!format)
        return false;
    if (*format == ExportFormat::Png) {
        return writePng(viewImage(view, options.size, options.scale), path, error);
    }
    return writeVector(
        *format, path, options,
        [&](QCPPainter *p, const QRectF &target) {
            p->setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
            view->render(p, target, view->viewport()->rect());
        },
        error);
}

} // namespace chokepoint::ui
