#pragma once

// Every size, z-order, font size and threshold of the map, in one place (STYLE.md 11). Sizes are
// scene units, which are device-independent pixels at zoom 1; fonts use pixel sizes so text keeps
// its proportion to the boxes on every screen, in exports and offscreen.
//
// Plain numbers (no Qt types) so the pure layout step can share them.

namespace chokepoint::ui::mapstyle {

// --- nodes ---
inline constexpr double kNodeWidth = 192;
inline constexpr double kNodeHeight = 58;
inline constexpr double kNodeRadius = 8;
inline constexpr double kChipWidth = 24;       ///< the strip on the left holding the state mark
inline constexpr double kTextPadding = 7;      ///< between the chip and the text, and at the right
inline constexpr double kFillTint = 0.28;      ///< share of the state colour in a node's fill
inline constexpr double kFailedHatchAlpha = 0.45; ///< the diagonal hatching of a failed node
inline constexpr double kFailedHatchScale = 1.5;  ///< its spacing, in scene units per pattern pixel
inline constexpr double kOutlineWidth = 1.2;   ///< an ordinary node
inline constexpr double kBlockedOutline = 4.0; ///< thick black: blocked
inline constexpr double kThrottledOutline = 3.0;
inline constexpr double kEnabledOutline = 3.0;
inline constexpr double kOffOutline = 1.6;     ///< a countermeasure nobody switched on
inline constexpr double kPreviewOutline = 3.0; ///< a node a would-be cut set blocks
inline constexpr double kSelectionWidth = 3.0;
inline constexpr double kSelectionGap = 4.0;   ///< between a node and its selection ring
inline constexpr double kSurpriseRingWidth = 6.0; ///< predict-then-reveal: failed, and nobody said so
inline constexpr int kFadeLevelMs = 260;       ///< the cascade: one level of dependants fades in after another
inline constexpr int kFadeMaxMs = 2400;        ///< … and the whole cascade takes no longer than this
inline constexpr double kBadgeHeight = 16;
inline constexpr double kBadgePadding = 6;
inline constexpr double kBadgeOverlap = 9;     ///< how far a badge rises above the node's top edge

// --- text (pixel sizes) ---
inline constexpr int kNameFontPx = 13;
inline constexpr int kKindFontPx = 10;
inline constexpr int kMarkFontPx = 15;
inline constexpr int kBadgeFontPx = 9;
inline constexpr int kBandFontPx = 30;
inline constexpr int kBandHintFontPx = 13;
inline constexpr int kStickyLabelFontPx = 13; ///< the layer tag at the view's edge (screen pixels)
inline constexpr int kLegendFontPx = 12;       ///< the legend in the view's corner (screen pixels)
inline constexpr double kLegendLineLength = 26;
inline constexpr int kNameMaxLines = 2;
/// Below this zoom (levelOfDetail) text is not drawn: it would be unreadable and costs the most.
inline constexpr double kTextMinZoom = 0.33;
/// Below this zoom a band's own big label is dropped and MapView shows a tag at its left edge.
inline constexpr double kBandLabelMinZoom = 0.45;

// --- groups ---
/// A group (apps or nodes of one kind and category) with more members than this starts collapsed.
inline constexpr int kAutoCollapseMembers = 60;
inline constexpr double kGroupStackOffset = 4; ///< the cards drawn behind a collapsed group
inline constexpr double kGroupBarHeight = 5;   ///< the bar of state shares at a group's foot

// --- edges ---
inline constexpr double kEdgeWidth = 1.3;
inline constexpr double kFailedEdgeWidth = 2.0; ///< an edge whose dependency failed
inline constexpr double kHighlightEdgeWidth = 2.8;
inline constexpr double kArrowLength = 9;
inline constexpr double kArrowHalfWidth = 4.5;
inline constexpr double kPortSpread = 0.7;      ///< share of a node's width its edge ends spread over
/// Below this zoom fallback and soft edges are drawn solid: their dashes would be under a pixel.
inline constexpr double kDashMinZoom = 0.3;
inline constexpr double kDimOpacity = 0.18;     ///< what hover does to everything unrelated

// --- layer bands ---
inline constexpr double kBandMarginX = 260;     ///< left of the leftmost node: room for the label
inline constexpr double kBandMarginRight = 60;
inline constexpr double kBandPadY = 34;         ///< above the top and below the bottom node
inline constexpr double kBandGapY = 6;          ///< between two bands

// --- layout ---
inline constexpr double kRankSeparation = 58;   ///< vertical gap between two rows of nodes
inline constexpr double kNodeSeparation = 24;   ///< horizontal gap between two nodes in a row
inline constexpr double kLayerSeparation = 110; ///< vertical gap where one layer meets the next
/// Above this many nodes plus edges Graphviz dot takes more than a second (measured on generated
/// ecosystems: 2,100 → 0.8 s, 2,800 → 2.4 s, 2,900 → 15 s; the shipped model, 1,100, takes 75 ms);
/// the grid layout takes over.
inline constexpr int kGraphvizMaxSize = 2500;
inline constexpr int kGridColumns = 12;         ///< grid layout: nodes of small groups per row
inline constexpr int kGridStripColumns = 2;     ///< grid layout: width of a big group's strip

// --- view ---
inline constexpr double kMinZoom = 0.02;
inline constexpr double kMaxZoom = 4.0;
inline constexpr double kMaxFitZoom = 1.2;      ///< fitAll never blows a small map up beyond this
inline constexpr double kZoomStep = 1.25;       ///< zoomIn / zoomOut
inline constexpr double kWheelZoomBase = 1.0015; ///< per 1/8 degree of wheel rotation
inline constexpr double kFitMargin = 24;        ///< around everything when fitting, in pixels
/// focusOnAffected() never zooms out further than this: names stay readable (13 px → 8 px).
inline constexpr double kFocusMinZoom = 0.6;
inline constexpr double kFocusMargin = 40;      ///< around the affected nodes, in scene units

// --- z-order, back to front ---
inline constexpr double kZBand = -10;
inline constexpr double kZEdge = 0;
inline constexpr double kZHighlightedEdge = 1;
inline constexpr double kZNode = 10;
inline constexpr double kZGroup = 10;
inline constexpr double kZHighlightedNode = 11;
inline constexpr double kZDraggedNode = 12;

} // namespace chokepoint::ui::mapstyle
