#include "charts/chartdrawing.h"

#include "charts/chartcanvas.h"
#include "charts/chartstyle.h"

#include <QLocale>

namespace chokepoint::ui {

QString formatUsers(std::int64_t users)
{
    const QLocale locale;
    const double n = static_cast<double>(users);
    if (users >= 1'000'000'000)
        return Charts::tr("%1 bn", "billions of people").arg(locale.toString(n / 1e9, 'f', 1));
    if (users >= 1'000'000)
        return Charts::tr("%1 M", "millions of people").arg(locale.toString(n / 1e6, 'f', 1));
    if (users >= 10'000)
        return Charts::tr("%1 k", "thousands of people").arg(locale.toString(n / 1e3, 'f', 0));
    return locale.toString(static_cast<qlonglong>(users));
}

QString usersNote()
{
    return Charts::tr(
        "Users add up disruptions, not distinct people: someone who loses two apps counts twice.");
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
