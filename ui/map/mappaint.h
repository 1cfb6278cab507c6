#pragma once

#include <QColor>
#include <QFont>
#include <QString>
#include <QStringList>

class QFontMetricsF;

// Small painting helpers shared by the map's items.
namespace chokepoint::ui {

/// The map's font at `pixelSize` scene units (mapconstants.h), the same on screen and offscreen.
QFont mapFont(int pixelSize, bool bold = false);

/// `a` with `share` of `b` mixed in (0: a, 1: b).
QColor mixColors(const QColor &a, const QColor &b, double share);

/// `text` broken at spaces into at most `maxLines` lines of at most `width`; the last one elided.
QStringList wrapText(const QString &text, const QFontMetricsF &metrics, double width, int maxLines);

} // namespace chokepoint::ui
