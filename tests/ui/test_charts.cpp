// The impact charts, their exports, the report and the two drawing commands of the CLI: every chart
// of every shipped scenario draws, exports have the asked size and parse, model strings stay inert.
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartexport.h"
#include "charts/chartinput.h"
#include "charts/impactdock.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "report/reportwriter.h"
#include "uitestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <pugixml.hpp>

namespace chokepoint::ui {
namespace {

/// Saves `image` when CHOKEPOINT_CHART_SHOTS names a folder (to look at the charts by eye).
void keep(const QImage &image, const QString &name)
{
    const QString dir = qEnvironmentVariable("CHOKEPOINT_CHART_SHOTS");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        image.save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
}

/// How many different colours a sample of the image holds: a drawn chart has many.
int colours(const QImage &image)
{
    QSet<QRgb> seen;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4) {
            seen.insert(image.pixel(x, y));
        }
    return static_cast<int>(seen.size());
}

QByteArray slurp(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int pdfPages(const QByteArray &pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![a-zA-Z])"));
    return static_cast<int>(QString::fromLatin1(pdf).count(page));
}

/// Every piece of text in an SVG, in document order, joined by spaces.
std::string svgText(const pugi::xml_document &doc)
{
    std::string all;
    for (const pugi::xpath_node &n : doc.select_nodes("//*[local-name()='text']")) {
        all += n.node().text().get() ? std::string(n.node().child_value()) : std::string();
        for (pugi::xml_node child : n.node().children())
            all += child.child_value();
        all += ' ';
    }
    return all;
}

class Charts : public ::testing::Test
{
protected:
    QTemporaryDir tmp;
    QString path(const char *name) const { return tmp.filePath(QString::fromUtf8(name)); }
};

TEST_F(Charts, EveryKindDrawsForEveryShippedScenario)
{
    for (const char *file : {"starter.json", "iphone-russia.json"}) {
        auto doc = test::shippedDocument(file);
        std::vector<QString> ids{QString()};
        for (const Scenario &s : doc->model().scenarios)
            ids.push_back(qstr(s.id));
        ChartCanvas canvas;
        for (const QString &id : ids) {
            doc->applyScenario(id);
            ChartInput input = chartInput(*doc, doc->model().scenario("facetime-2025"));
            for (ChartKind kind : kChartKinds) {
                SCOPED_TRACE(
                    (QString::fromUtf8(file) + QLatin1Char(' ') + id + QLatin1Char(' ') + chartKindId(kind))
                        .toStdString());
                drawChart(&canvas, kind, input, Palette::screen());
                EXPECT_FALSE(canvas.text().title.isEmpty());
                if (kind != ChartKind::Compare && kind != ChartKind::Timeline) {
                    EXPECT_TRUE(canvas.text().title.contains(input.subject()));
                }
                const QImage image = chartImage(&canvas, QSize(900, 560));
                EXPECT_EQ(image.size(), QSize(900, 560));
                EXPECT_GT(colours(image), 8);
                if (QString::fromUtf8(file) == QLatin1String("iphone-russia.json") &&
                    (id == QLatin1String("facetime-2025") || id == QLatin1String("telegram-2018")))
                    keep(image, id + QLatin1Char('-') + chartKindId(kind));
            }
        }
    }
}

TEST_F(Charts, PngHasTheAskedSizeAndScale)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    doc->applyScenario(QStringLiteral("facetime-2025"));
    ChartCanvas canvas;
    drawChart(&canvas, ChartKind::Users, chartInput(*doc), Palette::screen());
    ASSERT_TRUE(exportChart(&canvas, path("a.png"), {QSize(640, 400), 1.0, {}}));
    EXPECT_EQ(QImage(path("a.png")).size(), QSize(640, 400));
    ASSERT_TRUE(exportChart(&canvas, path("b.png"), {QSize(800, 500), 2.0, {}}));
    EXPECT_EQ(QImage(path("b.png")).size(), QSize(1600, 1000));
    QString error;
    EXPECT_FALSE(exportChart(&canvas, path("c.gif"), {QSize(800, 500), 1.0, {}}, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(exportChart(&canvas, path("d.png"), {QSize(10, 10), 1.0, {}}, &error));
}

TEST_F(Charts, SvgParsesAndHoldsTheTitleAsText)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    doc->applyScenario(QStringLiteral("telegram-2018"));
    ChartCanvas canvas;
    for (ChartKind kind : kChartKinds) {
        SCOPED_TRACE(chartKindId(kind).toStdString());
        drawChart(&canvas, kind, chartInput(*doc), Palette::screen());
        const QString file = path("chart.svg");
        ASSERT_TRUE(exportChart(&canvas, file, {QSize(1800, 900), 1.0, {}}));
        pugi::xml_document xml;
        const QByteArray bytes = slurp(file);
        ASSERT_TRUE(xml.load_buffer(bytes.constData(), static_cast<std::size_t>(bytes.size())));
        EXPECT_EQ(std::string(xml.document_element().name()), "svg");
        EXPECT_NE(svgText(xml).find(canvas.text().title.toStdString()), std::string::npos)
            << canvas.text().title.toStdString();
    }
}

TEST_F(Charts, PdfIsOneVectorPage)
{
    auto doc = test::shippedDocument("starter.json");
    doc->applyScenario(QStringLiteral("facetime-2025"));
    ChartCanvas canvas;
    drawChart(&canvas, ChartKind::States, chartInput(*doc), Palette::screen());
    ASSERT_TRUE(exportChart(&canvas, path("chart.pdf"), {QSize(1200, 750), 1.0, {}}));
    const QByteArray pdf = slurp(path("chart.pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    EXPECT_EQ(pdfPages(pdf), 1);
    EXPECT_FALSE(pdf.contains("/Subtype /Image")) << "drawn as vectors, not as a picture";
}

TEST_F(Charts, MapExportsAtTheAskedSize)
{
    auto doc = test::shippedDocument("starter.json");
    doc->applyScenario(QStringLiteral("facetime-2025"));
    MapScene scene(doc.get());
    MapView view;
    view.setScene(&scene);
    view.resize(1000, 700);
    view.show();
    view.fitAll();
    ASSERT_TRUE(exportView(&view, path("map.png"), {QSize(1000, 700), 2.0, {}}));
    EXPECT_EQ(QImage(path("map.png")).size(), QSize(2000, 1400));
    ASSERT_TRUE(exportView(&view, path("map.pdf"), {QSize(1000, 700), 1.0, {}}));
    EXPECT_EQ(pdfPages(slurp(path("map.pdf"))), 1);
    ASSERT_TRUE(exportView(&view, path("map.svg"), {QSize(1000, 700), 1.0, {}}));
    pugi::xml_document xml;
    const QByteArray bytes = slurp(path("map.svg"));
    EXPECT_TRUE(xml.load_buffer(bytes.constData(), static_cast<std::size_t>(bytes.size())));
}

/// The starter model with a node and a scenario whose names are markup.
std::unique_ptr<Document> hostileDocument()
{
    DocumentData data;
    data.model = readJsonModel(std::string(CHOKEPOINT_DATA_DIR) + "/starter.json");
    Node evil;
    evil.id = "evil";
    evil.name = "<script>alert(1)</script>";
    evil.kind = Kind::App;
    evil.users = 5'000'000;
    evil.blockable = true;
    evil.description = "<img src=x onerror=alert(2)>";
    evil.sources.push_back(
        Source{"javascript:alert(3)", "<b>bold</b>", "2025", Grade::Press, Json::object()});
    data.model.nodes.push_back(evil);
    Scenario s;
    s.id = "evil-scenario";
    s.title = "<script>alert(4)</script>";
    s.description = "\"quoted\" & <i>marked</i>";
    s.actions.push_back(Action{"evil", ActionType::Block, Json::object()});
    data.model.scenarios.push_back(s);
    data.model.reindex();
    auto doc = std::make_unique<Document>(std::move(data));
    doc->applyScenario(QStringLiteral("evil-scenario"));
    return doc;
}

TEST_F(Charts, HtmlReportEscapesEveryModelString)
{
    auto doc = hostileDocument();
    ReportWriter writer(doc.get());
    const QString html = writer.html();
    EXPECT_FALSE(html.contains(QStringLiteral("<script")));
    EXPECT_FALSE(html.contains(QStringLiteral("<img src=x")));
    EXPECT_FALSE(html.contains(QStringLiteral("<b>bold")));
    EXPECT_FALSE(html.contains(QStringLiteral("javascript:alert(3)\"")));
    EXPECT_FALSE(html.contains(QStringLiteral("href=\"javascript")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;alert(4)&lt;/script&gt;")));
    EXPECT_TRUE(html.contains(QStringLiteral("&quot;quoted&quot; &amp; &lt;i&gt;marked&lt;/i&gt;")));
    EXPECT_TRUE(html.contains(writer.modelHash()));
    EXPECT_EQ(writer.modelHash().size(), 64);
    EXPECT_TRUE(html.contains(QStringLiteral("Content-Security-Policy")));
}

TEST_F(Charts, ReportsAreWrittenAsHtmlAndPdf)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    doc->applyScenario(QStringLiteral("telegram-2018"));
    ReportWriter writer(doc.get());
    ASSERT_TRUE(writer.write(path("report.html")));
    const QByteArray html = slurp(path("report.html"));
    EXPECT_TRUE(html.startsWith("<!DOCTYPE html>"));
    EXPECT_EQ(html.count("<img src=\"data:image/png;base64,"),
              1 + static_cast<int>(writer.chartKinds().size()));
    EXPECT_EQ(writer.chartKinds().back(), ChartKind::Timeline) << "telegram-2018 has steps";
    ASSERT_TRUE(writer.write(path("report.pdf")));
    const QByteArray pdf = slurp(path("report.pdf"));
    EXPECT_TRUE(pdf.startsWith("%PDF"));
    // The header and map, one page per chart, the sources.
    EXPECT_GE(pdfPages(pdf), 2 + static_cast<int>(writer.chartKinds().size()));
    QString error;
    EXPECT_FALSE(writer.write(path("report.doc"), &error));
}

TEST_F(Charts, DockFollowsTheDocument)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    ImpactDock dock(doc.get());
    dock.resize(1000, 500);
    dock.show();
    QCoreApplication::processEvents();
    EXPECT_TRUE(dock.canvas(ChartKind::States)->text().title.contains(QStringLiteral("nothing blocked")));
    doc->applyScenario(QStringLiteral("facetime-2025"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(dock.canvas(ChartKind::States)->text().title.contains(QStringLiteral("FaceTime")));
    dock.setCurrentKind(ChartKind::Compare);
    dock.setCompareScenario(QStringLiteral("port-5223-blocked"));
    QCoreApplication::processEvents();
    EXPECT_TRUE(dock.canvas(ChartKind::Compare)->text().subtitle.contains(QStringLiteral("TCP 5223")));
    keep(dock.grab().toImage(), QStringLiteral("dock-compare"));
    dock.setCurrentKind(ChartKind::Timeline);
    QCoreApplication::processEvents();
    EXPECT_TRUE(dock.canvas(ChartKind::Timeline)->text().title.contains(QStringLiteral("FaceTime")));
}

QProcess::ExitStatus runCli(const QStringList &args, int *code, QString *err)
{
    QProcess cli;
    cli.start(QStringLiteral(CHOKEPOINT_CLI), args);
    cli.waitForFinished(120000);
    *code = cli.exitCode();
    *err = QString::fromUtf8(cli.readAllStandardError());
    return cli.exitStatus();
}

TEST_F(Charts, CliDrawsChartsAndReports)
{
    const QString model = QStringLiteral(CHOKEPOINT_DATA_DIR "/iphone-russia.json");
    int code = -1;
    QString err;
    runCli({QStringLiteral("chart"), model, QStringLiteral("--scenario"), QStringLiteral("facetime-2025"),
            QStringLiteral("--chart"), QStringLiteral("rank"), QStringLiteral("--out"), path("rank.png"),
            QStringLiteral("--size"), QStringLiteral("900x600")},
           &code, &err);
    EXPECT_EQ(code, 0) << err.toStdString();
    EXPECT_EQ(QImage(path("rank.png")).size(), QSize(900, 600));
    runCli({QStringLiteral("chart"), model, QStringLiteral("--chart"), QStringLiteral("compare"),
            QStringLiteral("--scenario"), QStringLiteral("facetime-2025"), QStringLiteral("--compare"),
            QStringLiteral("block-imessage-via-apns"), QStringLiteral("--out"), path("compare.pdf")},
           &code, &err);
    EXPECT_EQ(code, 0) << err.toStdString();
    EXPECT_EQ(pdfPages(slurp(path("compare.pdf"))), 1);
    runCli({QStringLiteral("report"), model, QStringLiteral("--scenario"), QStringLiteral("facetime-2025"),
            QStringLiteral("--out"), path("report.html")},
           &code, &err);
    EXPECT_EQ(code, 0) << err.toStdString();
    EXPECT_TRUE(slurp(path("report.html")).contains("FaceTime blocked in Russia (2025)"));
    runCli({QStringLiteral("chart"), model, QStringLiteral("--chart"), QStringLiteral("pie"),
            QStringLiteral("--out"), path("x.png")},
           &code, &err);
    EXPECT_EQ(code, 2);
    runCli({QStringLiteral("chart"), model, QStringLiteral("--chart"), QStringLiteral("states"),
            QStringLiteral("--compare"), QStringLiteral("nope"), QStringLiteral("--out"), path("x.png")},
           &code, &err);
    EXPECT_EQ(code, 2);
    // A scale out of range is a bad command line, NaN included, and nothing is written.
    for (const char *scale : {"nan", "0.5", "1e308", "-2"}) {
        runCli({QStringLiteral("chart"), model, QStringLiteral("--chart"), QStringLiteral("states"),
                QStringLiteral("--scale"), QString::fromLatin1(scale), QStringLiteral("--out"), path("scaled.png")},
               &code, &err);
        EXPECT_EQ(code, 2) << scale << ": " << err.toStdString();
        EXPECT_FALSE(QFileInfo::exists(path("scaled.png"))) << scale;
    }
}

} // namespace
} // namespace chokepoint::ui
