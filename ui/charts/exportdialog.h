#pragma once

#include "charts/chartexport.h"

#include <QDialog>

class QComboBox;
class QGraphicsView;
class QSpinBox;

namespace chokepoint::ui {

class ChartCanvas;

/// Asks the size (and, for PNG, the scale) of an export; starts at what is on screen.
class ExportSizeDialog : public QDialog
{
    Q_OBJECT

public:
    ExportSizeDialog(QSize onScreen, bool raster, QWidget *parent = nullptr);
    ExportOptions options() const;

private:
    QSpinBox *m_width;
    QSpinBox *m_height;
    QComboBox *m_scale;
};

/// Asks for a file (.png, .svg, .pdf) and its size, then exports the chart; errors are shown.
void exportChartInteractively(QWidget *parent, ChartCanvas *canvas, const QString &suggestedName);
/// The same for what a view shows (the map).
void exportViewInteractively(QWidget *parent, QGraphicsView *view, const QString &suggestedName);

} // namespace chokepoint::ui
