#include "charts/chartdrawing.h"

#include "charts/chartcanvas.h"
#include "charts/chartstyle.h"

#include <QCoreApplication>
#include <QLocale>

namespace chokepoint::ui {

QString formatUsers(std::int64_t users)
{
    const double n = static_cast<double>(users);
    if (users >= 1'000'000'000)
        return QStringLiteral("%1 bn").arg(n / 1e9, 0, 'f', 1);
    if (users >= 1'000'000)
        return QStringLiteral("%1 M").arg(n / 1e6, 0, 'f', 1);
    if (users >= 10'000)
        return QStringLiteral("%1 k").arg(n / 1e3, 0, 'f', 0);
    return QString::number(users);
}

QString usersNote()
{
    return QCoreApplication::translate(
        "Charts", "Users add up disruptions, not distinct people: someone who loses two apps counts twice.");
}

void drawChart(ChartCanvas *canvas, ChartKind kind, const ChartInput &input, const Palette &palette)
{
    canvas->chartRect()->setMinimumMargins(QMargins(0, 0, 0, 0));
    switch (kind) {
    case ChartKind::States:
        drawStatesChart(canvas, input, palette);
        break;
    case ChartKind::Users:
        drawUsersChart(canvas, input, palette);
        break;
    case ChartKind::Rank:
        drawRankChart(canvas, input, palette);
        break;
    case ChartKind::Compare:
        drawCompareChart(canvas, input, palette);
        break;
    case ChartKind::Timeline:
        drawTimelineChart(canvas, input, palette);
        break;
    }
    canvas->finishLegend();
}

} // namespace chokepoint::ui
