#pragma once

#include "charts/chartkind.h"
#include "style/palette.h"

#include <QCoreApplication>
#include <QSize>
#include <QString>
#include <memory>
#include <vector>

class QCPPainter;
class QPdfWriter;

namespace chokepoint::ui {

class ChartCanvas;
class Document;
class MapScene;
class MapView;

/**
 * The report of a document's current state (issue 6): the scenario's title, date and
 * description, the actions in force, the summary figures, the map, the charts with captions, the
 * model's title and content hash (SHA-256 of its canonical JSON), and every source cited by the
 * scenario and the nodes it touches.
 *
 * As one self-contained HTML file (images inlined as data: URLs, every model string escaped, a
 * Content-Security-Policy that allows nothing else), or as a PDF whose map and charts are vectors.
 * Both draw through the same code as the window (drawChart, MapView).
 */
class ReportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ReportWriter)

public:
    explicit ReportWriter(Document *document);
    ~ReportWriter();
    ReportWriter(const ReportWriter &) = delete;
    ReportWriter &operator=(const ReportWriter &) = delete;

    void setPalette(const Palette &palette) { m_palette = palette; }
    /// How many of the actions in force were added to the scenario's (for titles).
    void setExtraActions(std::size_t count) { m_extraActions = count; }

    /// Writes .html or .pdf by the suffix; false with `error` set on failure.
    bool write(const QString &path, QString *error = nullptr);
    bool writeHtml(const QString &path, QString *error = nullptr);
    bool writePdf(const QString &path, QString *error = nullptr);
    /// The whole HTML document.
    QString html();

    /// The charts a report shows: the timeline only for a scenario with steps.
    std::vector<ChartKind> chartKinds() const;
    /// The SHA-256 of the model's canonical JSON, in hex.
    QString modelHash() const;

private:
    QString headerHtml();
    QString sourcesHtml() const;
    QString mapCaption() const;
    QString chartCaption(int figure, ChartKind kind);
    void drawChartFor(ChartKind kind);
    MapView *mapView(QSize size);
    void paintPdfPages(QPdfWriter &pdf, QCPPainter &painter);

    Document *m_document;
    Palette m_palette;
    std::size_t m_extraActions = 0;
    std::unique_ptr<ChartCanvas> m_canvas;
    std::unique_ptr<MapScene> m_scene;
    std::unique_ptr<MapView> m_view;
};

} // namespace chokepoint::ui
