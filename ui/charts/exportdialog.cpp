#include "charts/exportdialog.h"

#include "charts/chartcanvas.h"
#include "charts/chartstyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGraphicsView>
#include <QMessageBox>
#include <QSpinBox>
#include <algorithm>
#include <functional>

namespace chokepoint::ui {
namespace {

QSpinBox *sideBox(int value, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    box->setRange(chartstyle::kMinExportSide, chartstyle::kMaxExportSide);
    box->setValue(std::clamp(value, chartstyle::kMinExportSide, chartstyle::kMaxExportSide));
    box->setSuffix(ExportSizeDialog::tr(" px", "pixels, after a number"));
    return box;
}

/// The shared steps: the file, the size, then `write`; a failure is shown.
void exportInteractively(QWidget *parent, QSize onScreen, const QString &suggestedName,
                         const std::function<bool(const QString &, const ExportOptions &, QString *)> &write)
{
    QString path = QFileDialog::getSaveFileName(
        parent, ExportSizeDialog::tr("Export"), suggestedName + QStringLiteral(".png"),
        ExportSizeDialog::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"));
    if (path.isEmpty())
        return;
    if (!exportFormatOf(path))
        path += QStringLiteral(".png");
    ExportSizeDialog dialog(onScreen, exportFormatOf(path) == ExportFormat::Png, parent);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!write(path, dialog.options(), &error))
        QMessageBox::warning(parent, ExportSizeDialog::tr("Export"), error);
}

} // namespace

ExportSizeDialog::ExportSizeDialog(QSize onScreen, bool raster, QWidget *parent)
    : QDialog(parent), m_width(sideBox(onScreen.width(), this)), m_height(sideBox(onScreen.height(), this)),
      m_scale(new QComboBox(this))
{
    setWindowTitle(tr("Export size"));
    for (int s = 1; s <= static_cast<int>(chartstyle::kMaxExportScale); ++s)
        m_scale->addItem(tr("%1×").arg(s), s);
    m_scale->setToolTip(tr("More pixels for the same layout: 2× for sharp slides"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Width:"), m_width);
    form->addRow(tr("Height:"), m_height);
    if (raster)
        form->addRow(tr("Scale:"), m_scale);
    else
        m_scale->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

ExportOptions ExportSizeDialog::options() const
{
    ExportOptions o;
    o.size = QSize(m_width->value(), m_height->value());
    o.scale = m_scale->currentData().toDouble();
    return o;
}

void exportChartInteractively(QWidget *parent, ChartCanvas *canvas, const QString &suggestedName)
{
    exportInteractively(parent, canvas->size(), suggestedName,
                        [canvas](const QString &path, const ExportOptions &o, QString *error) {
                            return exportChart(canvas, path, o, error);
                        });
}

void exportViewInteractively(QWidget *parent, QGraphicsView *view, const QString &suggestedName)
{
    exportInteractively(parent, view->viewport()->size(), suggestedName,
                        [view](const QString &path, const ExportOptions &o, QString *error) {
                            return exportView(view, path, o, error);
                        });
}

} // namespace chokepoint::ui
