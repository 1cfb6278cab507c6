#include "charts/chartkind.h"

namespace chokepoint::ui {

QString chartKindId(ChartKind kind)
{
    switch (kind) {
    case ChartKind::States:
        return QStringLiteral("states");
    case ChartKind::Users:
        return QStringLiteral("users");
    case ChartKind::Rank:
        return QStringLiteral("rank");
    case ChartKind::Compare:
        return QStringLiteral("compare");
    case ChartKind::Timeline:
        return QStringLiteral("timeline");
    }
    return {};
}

std::optional<ChartKind> parseChartKind(std::string_view id)
{
    for (ChartKind kind : kChartKinds) {
        if (chartKindId(kind).toStdString() == id)
            return kind;
    }
    return std::nullopt;
}

QString chartKindName(ChartKind kind)
{
    switch (kind) {
    case ChartKind::States:
        return Charts::tr("States by layer");
    case ChartKind::Users:
        return Charts::tr("Users hit");
    case ChartKind::Rank:
        return Charts::tr("Single-block ranking");
    case ChartKind::Compare:
        return Charts::tr("Compare");
    case ChartKind::Timeline:
        return Charts::tr("Timeline");
    }
    return {};
}

} // namespace chokepoint::ui
