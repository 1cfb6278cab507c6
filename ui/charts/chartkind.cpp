#include "charts/chartkind.h"

#include <QCoreApplication>

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
        return QCoreApplication::translate("Charts", "States by layer");
    case ChartKind::Users:
        return QCoreApplication::translate("Charts", "Users hit");
    case ChartKind::Rank:
        return QCoreApplication::translate("Charts", "Single-block ranking");
    case ChartKind::Compare:
        return QCoreApplication::translate("Charts", "Compare");
    case ChartKind::Timeline:
        return QCoreApplication::translate("Charts", "Timeline");
    }
    return {};
}

} // namespace chokepoint::ui
