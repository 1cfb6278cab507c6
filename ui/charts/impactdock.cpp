#include "charts/impactdock.h"

#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartinput.h"
#include "charts/exportdialog.h"
#include "document/document.h"
#include "i18n/language.h"
#include "report/chartdata.h"
#include "report/reportwriter.h"
#include "report/tables.h"

#include <QComboBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace chokepoint::ui {

ImpactDock::ImpactDock(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_palette(Palette::screen()), m_tabs(new QTabWidget(this)),
      m_compare(new QComboBox(this)), m_compareLabel(new QLabel(this))
{
    for (ChartKind kind : kChartKinds) {
        auto *canvas = new ChartCanvas(m_tabs);
        canvas->setMinimumSize(360, 240);
        m_canvases[static_cast<std::size_t>(kind)] = canvas;
        m_tabs->addTab(canvas, chartKindName(kind));
    }
    m_dirty.fill(true);
    // Scenario titles run long (longer still in Russian): the list shows them whole, the box
    // does not widen the dock for them.
    m_compare->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_compare->setMinimumContentsLength(16);
    fillCompareChoices();

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_compareLabel);
    bar->addWidget(m_compare, 1);
    bar->addStretch();
    bar->addWidget(createExportButton());
    retranslate();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_tabs, 1);

    auto showCompare = [this] {
        const bool compare = currentKind() == ChartKind::Compare;
        m_compareLabel->setVisible(compare);
        m_compare->setVisible(compare);
    };
    showCompare();
    connect(m_tabs, &QTabWidget::currentChanged, this, [this, showCompare] {
        showCompare();
        refreshVisible();
    });
    connect(m_compare, &QComboBox::currentIndexChanged, this, [this] {
        m_dirty[static_cast<std::size_t>(ChartKind::Compare)] = true;
        refreshVisible();
    });
    connect(m_document, &Document::impactChanged, this, &ImpactDock::markDirty);
    connect(m_document, &Document::scenarioChanged, this, &ImpactDock::markDirty);
    refreshVisible();
}

QToolButton *ImpactDock::createExportButton()
{
    m_export = new QToolButton(this);
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setMenu(new QMenu(m_export));
    return m_export;
}

void ImpactDock::fillExportMenu()
{
    m_export->setText(tr("Export"));
    m_export->setToolTip(tr("Export the chart on show, the tables or a report"));
    QMenu *menu = m_export->menu();
    menu->clear();
    connect(menu->addAction(tr("Chart as PNG, SVG or PDF…")), &QAction::triggered, this,
            &ImpactDock::exportCurrentChart);
    menu->addSeparator();
    connect(menu->addAction(tr("Node states as CSV…")), &QAction::triggered, this,
            &ImpactDock::exportStatesCsv);
    connect(menu->addAction(tr("Single-block ranking as CSV…")), &QAction::triggered, this,
            &ImpactDock::exportRankCsv);
    connect(menu->addAction(tr("Impact as JSON…")), &QAction::triggered, this, &ImpactDock::exportImpactJson);
    menu->addSeparator();
    connect(menu->addAction(tr("Report as HTML or PDF…")), &QAction::triggered, this,
            &ImpactDock::exportReport);
}

void ImpactDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ImpactDock::retranslate()
{
    for (ChartKind kind : kChartKinds) {
        m_tabs->setTabText(static_cast<int>(kind), chartKindName(kind));
        canvas(kind)->setLocale(QLocale()); // the axes' numbers
    }
    m_compareLabel->setText(tr("Compare with:"));
    m_compare->setToolTip(tr("The scenario the Compare tab sets against what is in force now (A against B)"));
    fillCompareChoices();
    fillExportMenu();
    markDirty();
}

void ImpactDock::fillCompareChoices()
{
    const QSignalBlocker blocker(m_compare);
    const QString kept = compareScenario();
    m_compare->clear();
    m_compare->addItem(tr("nothing blocked"), QString());
    for (const Scenario &s : m_document->model().scenarios)
        m_compare->addItem(scenarioTitle(s), qstr(s.id));
    const int index = m_compare->findData(kept);
    m_compare->setCurrentIndex(index >= 0 ? index : 0);
}

ChartKind ImpactDock::currentKind() const
{
    return kChartKinds[static_cast<std::size_t>(std::max(0, m_tabs->currentIndex()))];
}

void ImpactDock::setCurrentKind(ChartKind kind)
{
    m_tabs->setCurrentIndex(static_cast<int>(kind));
}

void ImpactDock::setCompareScenario(const QString &scenarioId)
{
    const int index = m_compare->findData(scenarioId);
    if (index >= 0)
        m_compare->setCurrentIndex(index);
}

QString ImpactDock::compareScenario() const
{
    return m_compare->currentData().toString();
}

void ImpactDock::setPalette(const Palette &palette)
{
    m_palette = palette;
    markDirty();
}

void ImpactDock::markDirty()
{
    m_dirty.fill(true);
    if (m_refreshQueued)
        return;
    m_refreshQueued = true; // one redraw per batch of changes
    QTimer::singleShot(0, this, [this] {
        m_refreshQueued = false;
        refreshVisible();
    });
}

void ImpactDock::refreshVisible()
{
    const ChartKind kind = currentKind();
    if (m_dirty[static_cast<std::size_t>(kind)])
        draw(kind);
}

void ImpactDock::refreshAll()
{
    for (ChartKind kind : kChartKinds)
        draw(kind);
}

void ImpactDock::draw(ChartKind kind)
{
    const Scenario *compareWith = m_document->model().scenario(sstr(compareScenario()));
    const ChartInput input = chartInput(*m_document, compareWith);
    ChartCanvas *c = canvas(kind);
    drawChart(c, kind, input, m_palette);
    c->replot();
    m_dirty[static_cast<std::size_t>(kind)] = false;
}

void ImpactDock::exportCurrentChart()
{
    const ChartKind kind = currentKind();
    if (m_dirty[static_cast<std::size_t>(kind)])
        draw(kind);
    exportChartInteractively(this, canvas(kind), chartKindId(kind));
}

bool ImpactDock::saveText(const QString &title, const QString &filter, const QString &suffix,
                          const std::string &text)
{
    QString path = QFileDialog::getSaveFileName(this, title, QString(), filter);
    if (path.isEmpty())
        return false;
    if (!path.endsWith(suffix, Qt::CaseInsensitive))
        path += suffix;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), static_cast<qint64>(text.size())) < 0 ||
        !file.commit()) {
        QMessageBox::warning(this, title, tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    return true;
}

void ImpactDock::exportStatesCsv()
{
    saveText(tr("Export node states"), tr("CSV (*.csv)"), QStringLiteral(".csv"),
             statesCsv(m_document->model(), m_document->evaluator()));
}

void ImpactDock::exportRankCsv()
{
    const ChartInput input = chartInput(*m_document);
    const auto rank = topBlocks(*input.model, *input.evaluator, input.targets, 0);
    saveText(tr("Export the single-block ranking"), tr("CSV (*.csv)"), QStringLiteral(".csv"),
             rankCsv(m_document->model(), rank));
}

void ImpactDock::exportImpactJson()
{
    const Json json = impactJson(m_document->model(), m_document->evaluator(), m_document->impact(),
                                 m_document->scenario());
    saveText(tr("Export the impact"), tr("JSON (*.json)"), QStringLiteral(".json"), dumpJson(json, 2) + "\n");
}

void ImpactDock::exportReport()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Write a report"), QString(),
                                                      tr("HTML report (*.html);;PDF report (*.pdf)"));
    if (path.isEmpty())
        return;
    ReportWriter writer(m_document);
    writer.setPalette(m_palette);
    QString error;
    if (!writer.write(path, &error))
        QMessageBox::warning(this, tr("Write a report"), error);
}

} // namespace chokepoint::ui
