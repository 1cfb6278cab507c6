#pragma once

#include "charts/chartstyle.h"

#include "style/palette.h"

#include <QString>
#include <vector>

class QCPAxis;
class QCPBars;

namespace chokepoint::ui {

class ChartCanvas;

/// One row of a horizontal bar chart of users: a lost part, a degraded part stacked on it.
struct UserBarRow
{
    QString label;
    double lost = 0;     ///< users
    double degraded = 0; ///< users
    QString valueText;   ///< written right of the bar
};

/// Horizontal bars, first row at the top, users in millions on the bottom axis, each row labelled
/// with its value; the lost part in the failed colour, the degraded part in the degraded colour.
void drawUserBars(ChartCanvas *canvas, const std::vector<UserBarRow> &rows, const QString &lostName,
                  const QString &degradedName);

/// A bar series in a state colour, outlined a shade darker (lighter fill for a second scenario).
QCPBars *stateBars(ChartCanvas *canvas, const QColor &colour, const QString &name, bool light = false);

/// Ticks at whole numbers only (counts of nodes).
void useIntegerTicks(QCPAxis *axis);

/// "Name (kind)", elided to `maxChars` characters.
QString barLabel(const QString &name, const QString &kind, int maxChars = chartstyle::kMaxBarLabel);

} // namespace chokepoint::ui
