#pragma once

#include "charts/chartinput.h"
#include "charts/chartkind.h"
#include "style/palette.h"

namespace chokepoint::ui {

class ChartCanvas;

/**
 * Draws chart `kind` of `input` on `canvas`, replacing what was there; the caller replots or
 * exports. The one drawing path for the dock, the exports, the report and `chokepoint-cli chart`
 * (STYLE.md 12): every figure comes from core's result structs (report/chartdata.h).
 */
void drawChart(ChartCanvas *canvas, ChartKind kind, const ChartInput &input, const Palette &palette);

/// Nodes by state in each layer, stacked bars: failed, degraded, ok.
void drawStatesChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette);
/// The functions and apps with the most users lost or degraded, horizontal bars in millions.
void drawUsersChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette);
/// The single-block ranking, top chartstyle::kTopRows by collateral users lost.
void drawRankChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette);
/// The actions in force (A) against input.compareWith (B): grouped bars by layer, and the lists of
/// what fails only under one of them.
void drawCompareChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette);
/// Functions and apps lost and users lost after each step of input.timelineScenario.
void drawTimelineChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette);

} // namespace chokepoint::ui
