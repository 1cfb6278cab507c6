#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "report/chartdata.h"

namespace chokepoint::ui {

void drawStatesChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const Impact impact = computeImpact(*input.model, *input.evaluator, input.targets);
    const std::vector<LayerStates> rows = statesByLayer(impact.all);
    ChartText text;
    text.title = Charts::tr("Nodes by state in each layer — %1").arg(input.subject());
    text.subtitle =
        Charts::tr("How many nodes of each layer fail, degrade or stay ok (countermeasures and logic "
                   "helpers are not counted)");
    text.note =
        Charts::tr("A node fails when what it needs is blocked; it degrades when it works only through a "
                   "fallback, a throttle or a soft dependency.");
    canvas->reset(text, palette);
    if (rows.empty()) {
        canvas->showMessage(Charts::tr("The model has no nodes in any layer."));
        return;
    }
    QCPBars *failed = stateBars(canvas, palette.failed, stateName(State::Failed));
    QCPBars *degraded = stateBars(canvas, palette.degraded, stateName(State::Degraded));
    QCPBars *ok = stateBars(canvas, palette.ok, stateName(State::Ok));
    degraded->moveAbove(failed);
    ok->moveAbove(degraded);
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    double highest = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double key = static_cast<double>(i + 1);
        const StateCounts &c = rows[i].counts;
        failed->addData(key, static_cast<double>(c.failed));
        degraded->addData(key, static_cast<double>(c.degraded));
        ok->addData(key, static_cast<double>(c.ok));
        ticker->addTick(key, Charts::tr("%1\n%2 failed · %3 degraded\n%4 ok")
                                 .arg(layerName(rows[i].layer))
                                 .arg(c.failed)
                                 .arg(c.degraded)
                                 .arg(c.ok));
        highest = std::max(highest, static_cast<double>(c.total()));
    }
    canvas->xAxis->setTicker(ticker);
    canvas->xAxis->setTickLength(0, 0);
    canvas->xAxis->setRange(0.4, static_cast<double>(rows.size()) + 0.6);
    canvas->yAxis->setRange(0, highest * 1.05);
    canvas->yAxis->setLabel(Charts::tr("nodes"));
    canvas->yAxis->grid()->setVisible(true);
    useIntegerTicks(canvas->yAxis);
}

} // namespace chokepoint::ui
