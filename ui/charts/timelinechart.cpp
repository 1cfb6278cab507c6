#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "map/mappaint.h"
#include "report/chartdata.h"

#include <algorithm>

namespace chokepoint::ui {

void drawTimelineChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const Scenario *scenario = input.timelineScenario;
    const std::vector<TimelinePoint> points =
        scenario ? scenarioTimeline(*input.model, input.evaluator->graph(), *scenario)
                 : std::vector<TimelinePoint>{};
    ChartText text;
    text.title =
        scenario ? Charts::tr("Timeline — %1").arg(scenarioTitle(*scenario)) : Charts::tr("Timeline");
    text.subtitle =
        Charts::tr("Functions and apps failed or degraded (bars, left axis) and their users (lines, right "
                   "axis, millions) once each step's actions are in force; steps accumulate");
    text.note = usersNote();
    QStringList steps;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const TimelinePoint &p = points[i];
        steps << QStringLiteral("%1. %2%3")
                     .arg(i)
                     .arg(p.date.empty() ? QString() : qstr(p.date) + QStringLiteral(": "),
                          stepTitle(scenario->steps[i - 1]));
    }
    text.caption = steps.join(QLatin1Char('\n'));
    canvas->reset(text, palette);
    if (!scenario) {
        canvas->showMessage(Charts::tr("Apply a scenario with a timeline to see it step by step."));
        return;
    }
    if (points.empty()) {
        canvas->showMessage(Charts::tr("“%1” has no timeline steps.").arg(scenarioTitle(*scenario)));
        return;
    }
    QCPBars *failed = stateBars(canvas, palette.failed, Charts::tr("functions and apps failed"));
    QCPBars *degraded = stateBars(canvas, palette.degraded, Charts::tr("functions and apps degraded"));
    degraded->moveAbove(failed);
    for (QCPBars *bars : {failed, degraded})
        bars->setWidth(0.5);
    canvas->yAxis2->setVisible(true);
    auto *lost = new QCPGraph(canvas->xAxis, canvas->yAxis2);
    lost->setName(Charts::tr("users lost"));
    lost->setPen(QPen(palette.text, 2.5));
    lost->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, palette.text, palette.background, 9));
    auto *hurt = new QCPGraph(canvas->xAxis, canvas->yAxis2);
    hurt->setName(Charts::tr("users degraded"));
    hurt->setPen(QPen(palette.degraded.darker(150), 2.5, Qt::DashLine));
    hurt->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssSquare, palette.degraded.darker(150), palette.background, 8));

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double highestCount = 0, highestUsers = 0;
    for (std::size_t i = 0; i < points.size(); ++i) {
        const TimelinePoint &p = points[i];
        const double key = static_cast<double>(i);
        failed->addData(key, static_cast<double>(p.functionsLost + p.appsLost));
        degraded->addData(key, static_cast<double>(p.functionsDegraded + p.appsDegraded));
        lost->addData(key, static_cast<double>(p.usersLost) / 1e6);
        hurt->addData(key, static_cast<double>(p.usersDegraded) / 1e6);
        const double top = static_cast<double>(std::max(p.usersLost, p.usersDegraded)) / 1e6;
        // The figures go under the axis, where no bar or line can cover them.
        const QString name =
            i == 0 ? (p.actions == 0 ? Charts::tr("before") : Charts::tr("start"))
                   : Charts::tr("step %1%2")
                         .arg(i)
                         .arg(p.date.empty() ? QString() : QStringLiteral(" · ") + qstr(p.date));
        ticker->addTick(key, Charts::tr("%1\n%2 lost\n%3 degraded")
                                 .arg(name, formatUsers(p.usersLost), formatUsers(p.usersDegraded)));
        highestCount = std::max(highestCount, static_cast<double>(p.functionsLost + p.appsLost +
                                                                  p.functionsDegraded + p.appsDegraded));
        highestUsers = std::max(highestUsers, top);
    }
    canvas->xAxis->setTicker(ticker);
    canvas->xAxis->setTickLength(0, 0);
    canvas->xAxis->setRange(-0.6, static_cast<double>(points.size()) - 0.4);
    canvas->yAxis->setRange(0, highestCount > 0 ? highestCount * 1.2 : 1);
    canvas->yAxis->setLabel(Charts::tr("functions and apps"));
    canvas->yAxis->grid()->setVisible(true);
    canvas->yAxis2->setRange(0, highestUsers > 0 ? highestUsers * 1.3 : 1);
    canvas->yAxis2->setLabel(Charts::tr("users, millions"));
    canvas->yAxis2->setTickLabels(true);
    useIntegerTicks(canvas->yAxis);
}

} // namespace chokepoint::ui
