// The two commands that draw. Only they start Qt (offscreen, unless QT_QPA_PLATFORM says
// otherwise), so every other command stays free of Qt at run time.
#include "chartcommands.h"

#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartexport.h"
#include "charts/chartinput.h"
#include "charts/chartstyle.h"
#include "commands.h"
#include "document/document.h"
#include "report/reportwriter.h"

#include <QApplication>
#include <QFileInfo>
#include <memory>

static void initUiResources()
{
    Q_INIT_RESOURCE(chokepoint); // the resources live in the static chokepoint_ui library
}

namespace chokepoint::cli {
namespace {

/// A QApplication for the length of one command, unless the process already has one.
class OffscreenGui
{
public:
    OffscreenGui()
    {
        if (QCoreApplication::instance())
            return;
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        m_app = std::make_unique<QApplication>(m_argc, m_argv);
        initUiResources();
    }

private:
    int m_argc = 1;
    char m_name[15] = "chokepoint-cli";
    char *m_argv[2] = {m_name, nullptr};
    std::unique_ptr<QApplication> m_app;
};

QSize parseSize(const std::string &text)
{
    const QStringList parts = QString::fromStdString(text).toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&okW), parts[1].toInt(&okH)) : QSize();
    const bool inRange =
        size.width() >= ui::chartstyle::kMinExportSide && size.height() >= ui::chartstyle::kMinExportSide &&
        size.width() <= ui::chartstyle::kMaxExportSide && size.height() <= ui::chartstyle::kMaxExportSide;
    if (!okW || !okH || !inRange)
        throw UsageError("--size must be WxH with each side from " +
                         std::to_string(ui::chartstyle::kMinExportSide) + " to " +
                         std::to_string(ui::chartstyle::kMaxExportSide) + ", e.g. 1200x750");
    return size;
}

std::string outPath(const Context &ctx, const char *command, const char *suffixes)
{
    if (!ctx.vm.count("out"))
        throw UsageError(std::string(command) + " needs --out " + suffixes);
    return ctx.get<std::string>("out");
}

ui::ChartKind chartKind(const Context &ctx)
{
    if (!ctx.vm.count("chart"))
        throw UsageError("chart needs --chart states|users|rank|compare|timeline");
    const auto kind = ui::parseChartKind(ctx.get<std::string>("chart"));
    if (!kind)
        throw UsageError("--chart must be states, users, rank, compare or timeline");
    return *kind;
}

} // namespace

int cmdChart(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    const ui::ChartKind kind = chartKind(ctx);
    const std::string out = outPath(ctx, "chart", "F.png|svg|pdf");
    if (!ui::exportFormatOf(QString::fromStdString(out)))
        throw UsageError("--out must end in .png, .svg or .pdf");
    ui::ExportOptions options;
    options.size = parseSize(ctx.vm.count("size") ? ctx.get<std::string>("size") : "1200x750");
    options.scale = ctx.vm.count("scale") ? ctx.get<double>("scale") : 1.0;
    if (!(options.scale >= 1 && options.scale <= ui::chartstyle::kMaxExportScale)) // NaN too
        throw UsageError("--scale must be from 1 to " + std::to_string(int(ui::chartstyle::kMaxExportScale)));
    Evaluated e = evaluate(ctx, path);
    const Model &model = e.doc.model;
    const Scenario *compareWith = nullptr;
    if (ctx.vm.count("compare")) {
        const std::string id = ctx.get<std::string>("compare");
        compareWith = model.scenario(id);
        if (!compareWith && id != "none")
            throw UsageError("--compare: unknown scenario '" + id + "'");
    }

    OffscreenGui gui;
    ui::ChartInput input;
    input.model = &model;
    input.evaluator = e.evaluator.get();
    input.scenario = e.selection.scenario;
    input.actions = e.selection.actions;
    input.extraActions = extraActions(ctx).size();
    input.targets = e.selection.targets;
    input.compareWith = compareWith;
    input.timelineScenario = e.selection.scenario;
    ui::ChartCanvas canvas;
    canvas.resize(options.size);
    ui::drawChart(&canvas, kind, input, ui::Palette::screen());
    QString error;
    if (!ui::exportChart(&canvas, QString::fromStdString(out), options, &error))
        throw AnalysisError(error.toStdString());
    if (kind == ui::ChartKind::Timeline && (!input.scenario || input.scenario->steps.empty()))
        ctx.err << "note: the scenario has no timeline steps; the chart says so\n";
    ctx.err << "wrote " << out << "\n";
    return kDone;
}

int cmdReport(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    const std::string out = outPath(ctx, "report", "F.html|pdf");
    const QString suffix = QFileInfo(QString::fromStdString(out)).suffix().toLower();
    if (suffix != QLatin1String("html") && suffix != QLatin1String("htm") && suffix != QLatin1String("pdf"))
        throw UsageError("--out must end in .html or .pdf");
    Evaluated e = evaluate(ctx, path);
    const QString scenarioId =
        e.selection.scenario ? QString::fromStdString(e.selection.scenario->id) : QString();
    const Actions actions = e.selection.actions;
    const std::size_t extra = extraActions(ctx).size();

    OffscreenGui gui;
    ui::Document document(std::move(e.doc));
    document.applyActions(actions, scenarioId, QStringLiteral("report"));
    ui::ReportWriter writer(&document);
    writer.setExtraActions(extra);
    QString error;
    if (!writer.write(QString::fromStdString(out), &error))
        throw AnalysisError(error.toStdString());
    ctx.err << "wrote " << out << "\n";
    return kDone;
}

} // namespace chokepoint::cli
