#pragma once

#include "charts/chartkind.h"
#include "style/palette.h"

#include <QWidget>
#include <array>

class QComboBox;
class QLabel;
class QTabWidget;
class QToolButton;

namespace chokepoint::ui {

class ChartCanvas;
class Document;

/**
 * The charts of the impact (DESIGN.md §6, bottom of the window): states by layer, users hit, the
 * single-block ranking, a comparison with another scenario and the timeline, one tab each, with
 * buttons to export the chart shown (PNG, SVG, PDF), the tables (CSV of node states and of the
 * ranking, JSON of the impact) and the report (HTML, PDF).
 *
 * It follows the document's signals. Only the chart on show is redrawn, once per batch of
 * changes; the others are redrawn when their tab is opened.
 */
class ImpactDock : public QWidget
{
    Q_OBJECT

public:
    explicit ImpactDock(Document *document, QWidget *parent = nullptr);

    ChartCanvas *canvas(ChartKind kind) const { return m_canvases[static_cast<std::size_t>(kind)]; }
    ChartKind currentKind() const;
    void setCurrentKind(ChartKind kind);
    /// The scenario the comparison sets against the current one ("" for nothing blocked).
    void setCompareScenario(const QString &scenarioId);
    QString compareScenario() const;
    void setPalette(const Palette &palette);
    /// Redraws every chart now (tests, exports of every chart).
    void refreshAll();

public Q_SLOTS:
    /// Asks for a file and exports the chart on show.
    void exportCurrentChart();
    void exportStatesCsv();
    void exportRankCsv();
    void exportImpactJson();
    /// Asks for a .html or .pdf file and writes the report of the current state.
    void exportReport();

protected:
    void changeEvent(QEvent *event) override;

private:
    /// The texts in the interface's language (at construction and after a language change); the
    /// charts are drawn again.
    void retranslate();
    void markDirty();
    void refreshVisible();
    void draw(ChartKind kind);
    void fillCompareChoices();
    QToolButton *createExportButton();
    void fillExportMenu();
    bool saveText(const QString &title, const QString &filter, const QString &suffix,
                  const std::string &text);

    Document *m_document;
    Palette m_palette;
    QTabWidget *m_tabs;
    QComboBox *m_compare;
    QLabel *m_compareLabel;
    QToolButton *m_export = nullptr;
    std::array<ChartCanvas *, kChartKinds.size()> m_canvases{};
    std::array<bool, kChartKinds.size()> m_dirty{};
    bool m_refreshQueued = false;
};

} // namespace chokepoint::ui
