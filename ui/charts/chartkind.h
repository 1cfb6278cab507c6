#pragma once

#include <QCoreApplication>
#include <QString>
#include <array>
#include <optional>
#include <string_view>

namespace chokepoint::ui {

/// The translation context of the charts' words ("Charts::tr").
struct Charts
{
    Q_DECLARE_TR_FUNCTIONS(Charts)
};

/// The impact charts (issue 6), in the order the dock shows them.
enum class ChartKind
{
    States,
    Users,
    Rank,
    Compare,
    Timeline
};

inline constexpr std::array<ChartKind, 5> kChartKinds{ChartKind::States, ChartKind::Users, ChartKind::Rank,
                                                      ChartKind::Compare, ChartKind::Timeline};

/// The id used on the command line and in file names: "states", "users", "rank", "compare", "timeline".
QString chartKindId(ChartKind kind);
std::optional<ChartKind> parseChartKind(std::string_view id);
/// The short name of a tab ("States by layer", "Users", …), translated.
QString chartKindName(ChartKind kind);

} // namespace chokepoint::ui
