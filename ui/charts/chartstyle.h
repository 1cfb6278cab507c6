#pragma once

#include <QSize>
#include <QString>
#include <cstdint>

// Sizes and fonts of the charts, in one place (STYLE.md 11). Fonts are the map's (mapFont), in
// pixels, so a chart reads the same on screen, in exports and offscreen; colours come from Palette.
namespace chokepoint::ui::chartstyle {

inline constexpr int kTitlePx = 17;
inline constexpr int kSubtitlePx = 13;
inline constexpr int kAxisLabelPx = 13;
inline constexpr int kTickLabelPx = 12;
inline constexpr int kValueLabelPx = 12;
inline constexpr int kLegendPx = 12;
inline constexpr int kNotePx = 11;
inline constexpr int kSidePx = 12;
inline constexpr int kMessagePx = 15;

/// How many rows the "users" and "rank" charts show.
inline constexpr int kTopRows = 15;
/// How many names each "fails only under" list shows before "… and N more".
inline constexpr int kDiffListRows = 14;
/// Longest label on a bar's axis before it is elided, in characters.
inline constexpr int kMaxBarLabel = 50;
inline constexpr double kBarWidth = 0.68;
inline constexpr double kGroupedBarWidth = 0.36;

/// The size of an export when none is asked for, and the bounds of one that is.
inline constexpr QSize kDefaultExportSize{1200, 750};
inline constexpr int kMinExportSide = 200;
inline constexpr int kMaxExportSide = 10000;
inline constexpr double kMaxExportScale = 4.0;

} // namespace chokepoint::ui::chartstyle

namespace chokepoint::ui {

/// People counts for labels: "21.3 M", "950 k", "1.2 bn", "800".
QString formatUsers(std::int64_t users);
/// The note every chart with users carries (DESIGN.md §3).
QString usersNote();

} // namespace chokepoint::ui
