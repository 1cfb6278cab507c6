#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "report/chartdata.h"

#include <algorithm>

namespace chokepoint::ui {
namespace {

QString diffList(const Model &model, const std::vector<std::uint32_t> &nodes, const QString &heading)
{
    QStringList lines{heading.arg(nodes.size())};
    const std::size_t shown = std::min<std::size_t>(nodes.size(), chartstyle::kDiffListRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const Node &n = model.nodes[nodes[i]];
        lines << QStringLiteral("  ") + barLabel(nodeName(n), kindNameInText(n.kind));
    }
    if (nodes.empty())
        lines << QStringLiteral("  ") + Charts::tr("nothing");
    else if (nodes.size() > shown)
        lines << QStringLiteral("  ") + Charts::tr("… and %1 more").arg(nodes.size() - shown);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

void drawCompareChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const Model &model = *input.model;
    const Actions actionsB = input.compareWith ? input.compareWith->effectiveActions() : Actions{};
    const ScenarioComparison c = compareActions(model, input.evaluator->graph(), input.actions, actionsB);
    const QString nameA = input.subject();
    const QString nameB =
        input.compareWith ? scenarioTitle(*input.compareWith) : Charts::tr("nothing blocked");

    ChartText text;
    text.title = Charts::tr("Failed and degraded nodes by layer: A against B");
    text.subtitle = Charts::tr("A: %1 (%2 users lost, %3 degraded)\nB: %4 (%5 users lost, %6 degraded)")
                        .arg(nameA, formatUsers(c.usersLostA), formatUsers(c.usersDegradedA), nameB,
                             formatUsers(c.usersLostB), formatUsers(c.usersDegradedB));
    text.side = diffList(model, c.failsOnlyUnderA, Charts::tr("Fails only under A (%1):")) +
                QStringLiteral("\n\n") +
                diffList(model, c.failsOnlyUnderB, Charts::tr("Fails only under B (%1):"));
    text.note = usersNote();
    canvas->reset(text, palette);

    QCPBars *failedA = stateBars(canvas, palette.failed, Charts::tr("A failed"));
    QCPBars *degradedA = stateBars(canvas, palette.degraded, Charts::tr("A degraded"));
    QCPBars *failedB = stateBars(canvas, palette.failed, Charts::tr("B failed"), true);
    QCPBars *degradedB = stateBars(canvas, palette.degraded, Charts::tr("B degraded"), true);
    degradedA->moveAbove(failedA);
    degradedB->moveAbove(failedB);
    for (QCPBars *bars : {failedA, degradedA, failedB, degradedB})
        bars->setWidth(chartstyle::kGroupedBarWidth);

    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    const double offset = chartstyle::kGroupedBarWidth / 2 + 0.02;
    double highest = 0;
    int key = 0;
    for (int l = 0; l < kLayerCount; ++l) {
        const auto layer = static_cast<Layer>(l);
        if (layer == Layer::Other || (c.byLayerA[l].total() == 0 && c.byLayerB[l].total() == 0))
            continue;
        ++key;
        const StateCounts &a = c.byLayerA[l];
        const StateCounts &b = c.byLayerB[l];
        failedA->addData(key - offset, static_cast<double>(a.failed));
        degradedA->addData(key - offset, static_cast<double>(a.degraded));
        failedB->addData(key + offset, static_cast<double>(b.failed));
        degradedB->addData(key + offset, static_cast<double>(b.degraded));
        ticker->addTick(key, Charts::tr("%1\nA: %2 + %3\nB: %4 + %5")
                                 .arg(layerName(layer))
                                 .arg(a.failed)
                                 .arg(a.degraded)
                                 .arg(b.failed)
                                 .arg(b.degraded));
        const double topA = static_cast<double>(a.failed + a.degraded);
        const double topB = static_cast<double>(b.failed + b.degraded);
        canvas->addLabel(canvas->xAxis, canvas->yAxis, key - offset, topA, QStringLiteral("A"),
                         Qt::AlignHCenter | Qt::AlignBottom, true);
        canvas->addLabel(canvas->xAxis, canvas->yAxis, key + offset, topB, QStringLiteral("B"),
                         Qt::AlignHCenter | Qt::AlignBottom, true);
        highest = std::max({highest, topA, topB});
    }
    canvas->xAxis->setTicker(ticker);
    canvas->xAxis->setTickLength(0, 0);
    canvas->xAxis->setRange(0.4, key + 0.6);
    canvas->yAxis->setRange(0, highest > 0 ? highest * 1.15 : 1);
    canvas->yAxis->setLabel(Charts::tr("nodes failed + degraded"));
    canvas->xAxis->setLabel(Charts::tr("under each layer: failed + degraded nodes under A and under B"));
    canvas->yAxis->grid()->setVisible(true);
    useIntegerTicks(canvas->yAxis);
}

} // namespace chokepoint::ui
