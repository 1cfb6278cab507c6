#include "report/reportwriter.h"

#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartexport.h"
#include "charts/chartinput.h"
#include "charts/chartstyle.h"
#include "charts/qcp.h"
#include "document/document.h"
#include "i18n/language.h"
#include "io/jsonformat.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "report/chartdata.h"
#include "report/tables.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDate>
#include <QFileInfo>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

namespace chokepoint::ui {
namespace {

constexpr QSize kHtmlChartSize{1100, 640};
constexpr QSize kHtmlMapSize{1400, 900};
constexpr double kHtmlImageScale = 2.0;
constexpr int kPdfDpi = 96; ///< layout pixels per inch, as for exports

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString esc(const std::string &text)
{
    return qstr(text).toHtmlEscaped();
}

QString dataUrl(const QImage &image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return QStringLiteral("data:image/png;base64,") + QString::fromLatin1(bytes.toBase64());
}

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>").arg(label, value);
}

/// What an action does, as the list of actions says it.
QString actionName(ActionType type)
{
    switch (type) {
    case ActionType::Block:
        return ReportWriter::tr("block");
    case ActionType::Throttle:
        return ReportWriter::tr("throttle");
    case ActionType::Enable:
        return ReportWriter::tr("enable");
    }
    return {};
}

/// How a source knows what it says (DESIGN.md §2), as the list of sources says it.
QString gradeName(Grade grade)
{
    switch (grade) {
    case Grade::Vendor:
        return ReportWriter::tr("vendor");
    case Grade::Measurement:
        return ReportWriter::tr("measurement");
    case Grade::Press:
        return ReportWriter::tr("press");
    case Grade::ReverseEngineered:
        return ReportWriter::tr("reverse-engineered");
    case Grade::Inference:
        return ReportWriter::tr("inference");
    }
    return {};
}

constexpr const char *kStyle = R"(
body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1f2933; max-width: 1150px; margin: 2em auto;
       padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #d0d5db; }
.meta { color: #52606d; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { text-align: left; padding: 0.2em 0.9em 0.2em 0; vertical-align: top; }
figure { margin: 1.5em 0; }
figure img { width: 100%; height: auto; border: 1px solid #e4e7eb; }
figcaption { font-size: 0.92em; color: #3e4c59; margin-top: 0.3em; }
code { font-size: 0.92em; word-break: break-all; }
li { margin-bottom: 0.25em; }
)";

} // namespace

ReportWriter::ReportWriter(Document *document)
    : m_document(document), m_palette(Palette::screen()), m_canvas(std::make_unique<ChartCanvas>())
{
}

ReportWriter::~ReportWriter() = default;

std::vector<ChartKind> ReportWriter::chartKinds() const
{
    std::vector<ChartKind> kinds{ChartKind::States, ChartKind::Users, ChartKind::Rank};
    const Scenario *s = m_document->scenario();
    if (s && !s->steps.empty())
        kinds.push_back(ChartKind::Timeline);
    return kinds;
}

QString ReportWriter::modelHash() const
{
    const std::string json = toJsonText(m_document->model());
    return QString::fromLatin1(
        QCryptographicHash::hash(QByteArrayView(json.data(), static_cast<qsizetype>(json.size())),
                                 QCryptographicHash::Sha256)
            .toHex());
}

void ReportWriter::drawChartFor(ChartKind kind)
{
    ChartInput input = chartInput(*m_document);
    input.extraActions = m_extraActions;
    drawChart(m_canvas.get(), kind, input, m_palette);
}

MapView *ReportWriter::mapView(QSize size)
{
    if (!m_view) {
        m_scene = std::make_unique<MapScene>(m_document);
        m_scene->setPalette(m_palette);
        m_view = std::make_unique<MapView>();
        m_view->setScene(m_scene.get());
        m_view->setAttribute(Qt::WA_DontShowOnScreen, true);
        m_view->setFrameShape(QFrame::NoFrame);
        m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    }
    m_view->resize(size);
    m_view->show();
    m_view->fitAll();
    return m_view.get();
}

QString ReportWriter::headerHtml()
{
    const Model &model = m_document->model();
    const Scenario *s = m_document->scenario();
    ChartInput input = chartInput(*m_document);
    input.extraActions = m_extraActions;
    const Impact &impact = m_document->impact();
    QString h = QStringLiteral("<h1>%1</h1>").arg(esc(input.subject()));
    QStringList meta;
    if (s && !s->date.empty())
        meta << tr("Scenario date: %1").arg(esc(s->date));
    if (s)
        meta << tr("scenario id <code>%1</code>").arg(esc(s->id));
    meta << tr("report written %1").arg(QDate::currentDate().toString(Qt::ISODate));
    h += QStringLiteral("<p class=\"meta\">%1</p>").arg(meta.join(QStringLiteral(" · ")));
    if (s && !s->description.empty())
        h += QStringLiteral("<p>%1</p>").arg(esc(scenarioDescription(*s)));

    h += QStringLiteral("<h2>%1</h2><table>").arg(tr("Summary"));
    h += row(tr("Actions in force"), tr("%1 blocked, %2 throttled, %3 countermeasures enabled")
                                         .arg(impact.blocks)
                                         .arg(impact.throttles)
                                         .arg(impact.enabled));
    const ImpactFigures &f = impact.all;
    h += row(tr("Functions"), tr("%1 failed, %2 degraded, %3 ok")
                                  .arg(f.functions.failed)
                                  .arg(f.functions.degraded)
                                  .arg(f.functions.ok));
    h += row(tr("Apps"),
             tr("%1 failed, %2 degraded, %3 ok").arg(f.apps.failed).arg(f.apps.degraded).arg(f.apps.ok));
    h += row(tr("Users lost"), esc(formatUsers(f.usersLost)));
    h += row(tr("Users degraded"), esc(formatUsers(f.usersDegraded)));
    if (!impact.targets.empty()) {
        h += row(tr("Collateral users lost"), esc(formatUsers(impact.collateral.usersLost)));
        h += row(tr("Collateral users degraded"), esc(formatUsers(impact.collateral.usersDegraded)));
    }
    const Json summary = impactJson(model, m_document->evaluator(), impact, s)["summary"];
    if (summary.contains("expect")) {
        const Json &e = summary["expect"];
        h +=
            row(tr("Documented outcome"),
                e["holds"].get<bool>()
                    ? tr("the engine agrees on all %n node(s) checked", nullptr, e["checked"].get<int>())
                    : tr("the engine disagrees on %1 of %n node(s) checked", nullptr, e["checked"].get<int>())
                          .arg(e["mismatches"].size()));
    }
    h += QStringLiteral("</table><p class=\"meta\">%1 %2</p>")
             .arg(esc(usersNote()),
                  impact.targets.empty()
                      ? QString()
                      : tr("Collateral leaves out the scenario's targets and what depends on them."));

    QStringList actions;
    for (const Action &a : m_document->actions()) {
        const Node *n = model.node(a.node);
        actions << QStringLiteral("<li>%1 <b>%2</b> <code>%3</code></li>")
                       .arg(esc(actionName(a.type)), esc(n ? nodeName(*n) : qstr(a.node)), esc(a.node));
    }
    if (!actions.isEmpty())
        h += QStringLiteral("<h2>%1</h2><ul>%2</ul>").arg(tr("Actions"), actions.join(QString()));
    h += QStringLiteral("<h2>%1</h2><table>").arg(tr("Model"));
    h += row(tr("Title"), esc(model.info.title.empty() ? qstr(model.info.id) : modelTitle(model.info)));
    h += row(tr("Nodes"), QString::number(model.nodes.size()));
    h += row(tr("Content hash"), QStringLiteral("<code>SHA-256 %1</code>").arg(modelHash()));
    h += QStringLiteral("</table>");
    return h;
}

QString ReportWriter::sourcesHtml() const
{
    const std::vector<Source> sources =
        citedSources(m_document->model(), m_document->evaluator(), m_document->scenario());
    QString h = QStringLiteral("<h2>%1</h2>").arg(tr("Sources"));
    if (sources.empty())
        return h +
               QStringLiteral("<p>%1</p>").arg(tr("The scenario and the nodes it touches cite no source."));
    h += QStringLiteral("<p class=\"meta\">%1</p><ol>")
             .arg(tr("Every source cited by the scenario and by the nodes it blocks, fails or degrades."));
    for (const Source &s : sources) {
        const QString url = qstr(s.url);
        const bool web =
            url.startsWith(QLatin1String("https://")) || url.startsWith(QLatin1String("http://"));
        QString item = esc(s.title.empty() ? s.url : s.title);
        if (web)
            item = QStringLiteral("<a href=\"%1\">%2</a>").arg(esc(url), item);
        if (!url.isEmpty() && !s.title.empty()) // printed, a link's address must be readable too
            item += QStringLiteral(" <code>%1</code>").arg(esc(url));
        QStringList meta{esc(gradeName(s.grade))};
        if (!s.date.empty())
            meta.prepend(esc(s.date));
        h += QStringLiteral("<li>%1 <span class=\"meta\">(%2)</span></li>")
                 .arg(item, meta.join(QStringLiteral(", ")));
    }
    return h + QStringLiteral("</ol>");
}

QString ReportWriter::mapCaption() const
{
    return tr(
        "Figure 1. The dependency map: network at the bottom, apps at the top. Each node's colour and mark "
        "give its state (✓ ok, ! degraded, ✕ failed); a thick black outline marks a block.");
}

QString ReportWriter::chartCaption(int figure, ChartKind kind)
{
    drawChartFor(kind);
    const ChartText &t = m_canvas->text();
    QString caption = tr("Figure %1. %2.").arg(figure).arg(t.title);
    if (!t.subtitle.isEmpty())
        caption += QLatin1Char(' ') + QString(t.subtitle).replace(QLatin1Char('\n'), QStringLiteral("; ")) +
                   QLatin1Char('.');
    return caption;
}

QString ReportWriter::html()
{
    const Model &model = m_document->model();
    ChartInput input = chartInput(*m_document);
    input.extraActions = m_extraActions;
    QString h = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                               "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                               "img-src data:; style-src 'unsafe-inline'\">"
                               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .arg(languageCode(currentLanguage()));
    h += QStringLiteral("<title>%1 — %2</title><style>%3</style></head><body>\n")
             .arg(esc(input.subject()), esc(modelTitle(model.info)), QString::fromLatin1(kStyle));
    h += headerHtml();
    h += QStringLiteral("<h2>%1</h2>").arg(tr("Map and charts"));
    const QImage map = viewImage(mapView(kHtmlMapSize), kHtmlMapSize, 1.5);
    h += QStringLiteral("<figure><img src=\"%1\" alt=\"%2\"><figcaption>%3</figcaption></figure>\n")
             .arg(dataUrl(map), esc(tr("Dependency map")), esc(mapCaption()));
    int figure = 2;
    for (ChartKind kind : chartKinds()) {
        const QString caption = chartCaption(figure++, kind);
        const QImage image = chartImage(m_canvas.get(), kHtmlChartSize, kHtmlImageScale);
        h += QStringLiteral("<figure><img src=\"%1\" alt=\"%2\"><figcaption>%3</figcaption></figure>\n")
                 .arg(dataUrl(image), esc(m_canvas->text().title), esc(caption));
    }
    h += sourcesHtml();
    h += QStringLiteral("<p class=\"meta\">%1</p></body></html>\n")
             .arg(tr("Written by Chokepoint %1.").arg(QStringLiteral(CHOKEPOINT_VERSION)));
    return h;
}

bool ReportWriter::write(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("html") || suffix == QLatin1String("htm"))
        return writeHtml(path, error);
    if (suffix == QLatin1String("pdf"))
        return writePdf(path, error);
    if (error)
        *error = tr("A report is written as .html or .pdf, not “%1”.").arg(QFileInfo(path).fileName());
    return false;
}

bool ReportWriter::writeHtml(const QString &path, QString *error)
{
    const QByteArray bytes = html().toUtf8();
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace chokepoint::ui

namespace chokepoint::ui {
namespace {

constexpr int kPdfTextPx = 12;
constexpr double kPdfGap = 10;

/// A block of rich text `width` wide, in the report's font.
std::unique_ptr<QTextDocument> textBlock(const QString &html, double width)
{
    auto doc = std::make_unique<QTextDocument>();
    QFont font(QStringLiteral("DejaVu Sans"));
    font.setPixelSize(kPdfTextPx);
    doc->setDefaultFont(font);
    doc->setDefaultStyleSheet(QStringLiteral("h1 { font-size: 22px; } h2 { font-size: 16px; } "
                                             ".meta { color: #52606d; } th { text-align: left; }"));
    doc->setHtml(html);
    doc->setTextWidth(width);
    return doc;
}

/// Draws `doc` from the top of the current page, over as many pages as it needs; returns the
/// height used on the last page.
double drawPaged(QTextDocument &doc, QPdfWriter &pdf, QPainter &painter, const QSizeF &page)
{
    doc.setPageSize(page);
    const int pages = doc.pageCount();
    for (int p = 0; p < pages; ++p) {
        if (p > 0)
            pdf.newPage();
        painter.save();
        painter.translate(0, -p * page.height());
        doc.drawContents(&painter, QRectF(QPointF(0, p * page.height()), page));
        painter.restore();
    }
    return doc.size().height() - (pages - 1) * page.height();
}

/// Draws a caption at `top`; returns its height.
double drawCaption(const QString &text, QPainter &painter, double top, double width)
{
    auto doc = textBlock(QStringLiteral("<p class=\"meta\">%1</p>").arg(text.toHtmlEscaped()), width);
    painter.save();
    painter.translate(0, top);
    doc->drawContents(&painter);
    painter.restore();
    return doc->size().height();
}

double captionHeight(const QString &text, double width)
{
    return textBlock(QStringLiteral("<p class=\"meta\">%1</p>").arg(text.toHtmlEscaped()), width)
        ->size()
        .height();
}

} // namespace

void ReportWriter::paintPdfPages(QPdfWriter &pdf, QCPPainter &painter)
{
    const QSizeF page(pdf.width(), pdf.height());
    double y = drawPaged(*textBlock(headerHtml(), page.width()), pdf, painter, page);

    // The map under the header when there is room for a good share of a page, else on its own page.
    const double mapCaptionHeight = captionHeight(mapCaption(), page.width());
    if (page.height() - y < page.height() * 0.5) {
        pdf.newPage();
        y = 0;
    }
    const QRectF mapRect(0, y + kPdfGap, page.width(), page.height() - y - 2 * kPdfGap - mapCaptionHeight);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    MapView *view = mapView(mapRect.size().toSize());
    view->render(&painter, mapRect, view->viewport()->rect());
    drawCaption(mapCaption(), painter, mapRect.bottom() + kPdfGap, page.width());

    int figure = 2;
    for (ChartKind kind : chartKinds()) {
        pdf.newPage();
        const QString caption = chartCaption(figure++, kind);
        const double h = captionHeight(caption, page.width());
        const QRectF chartRect(0, 0, page.width(), page.height() - h - kPdfGap);
        paintChart(m_canvas.get(), &painter, chartRect, chartRect.size().toSize());
        drawCaption(caption, painter, chartRect.bottom() + kPdfGap, page.width());
    }
    pdf.newPage();
    drawPaged(*textBlock(sourcesHtml(), page.width()), pdf, painter, page);
}

bool ReportWriter::writePdf(const QString &path, QString *error)
{
    ChartInput input = chartInput(*m_document);
    input.extraActions = m_extraActions;
    // Drawn in memory, then put in place atomically: a failed write leaves any old file whole.
    QByteArray bytes;
    QBuffer buffer(&bytes);
    bool drawn = false;
    if (buffer.open(QIODevice::WriteOnly)) {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(kPdfDpi);
        pdf.setCreator(QStringLiteral("Chokepoint"));
        pdf.setTitle(input.subject());
        pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape,
                                      QMarginsF(12, 12, 12, 12), QPageLayout::Millimeter));
        QCPPainter painter;
        drawn = painter.begin(&pdf);
        if (drawn) {
            paintPdfPages(pdf, painter);
            painter.end();
        }
    }
    QSaveFile file(path);
    if (drawn && !bytes.isEmpty() && file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() &&
        file.commit())
        return true;
    if (error)
        *error = tr("Cannot write %1.").arg(path);
    return false;
}

} // namespace chokepoint::ui
