#pragma once

#include "engine/prediction.h"
#include "style/palette.h"

#include <QWidget>

class QLabel;

namespace chokepoint::ui {

class ChartCanvas;
class Document;
class MapView;

/**
 * What the class sees in presentation mode (issue 7): a caption bar with the scenario's title and
 * date and the current step, the map, a column of large figures and one chart, and a line of the
 * keys that drive it. Type is scaled to the height it is shown at (at least 24 px at 1080 p), in
 * the projector palette.
 *
 * It only shows: Presenter decides what happens. While a prediction is open the figures and the
 * chart are hidden (they would give the answer away); after the reveal the score takes the
 * chart's place until the next step.
 */
class PresentationView : public QWidget
{
    Q_OBJECT

public:
    PresentationView(Document *document, const Palette &palette, QWidget *parent = nullptr);

    /// Takes the map in (it is handed back with releaseMap()).
    void setMap(MapView *map);
    MapView *releaseMap();

    /// Redraws the caption, the figures and the chart from the document.
    void refresh();
    /// Hides the figures and chart (a prediction is open) or shows them.
    void setAnswerHidden(bool hidden);
    /// Shows a prediction's score in place of the chart; nullptr goes back to the chart.
    void setScore(const PredictionScore *score);
    /// A line under the step, e.g. what to do now in a prediction ("" for none).
    void setPrompt(const QString &prompt);

    /// The pixel size body text is drawn at for the current height (tests check the 24 px floor).
    int bodyPx() const;
    // --- for tests ---
    QString titleText() const;
    QString stepText() const;
    QString figuresText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void applyFonts();
    void retranslate();
    void drawChart();
    QString scoreHtml() const;

    Document *m_document;
    Palette m_palette;
    MapView *m_map = nullptr;
    QWidget *m_mapSlot;
    QLabel *m_title;
    QLabel *m_counter;
    QLabel *m_step;
    QLabel *m_prompt;
    QLabel *m_figures;
    QLabel *m_chart;
    QLabel *m_keys;
    ChartCanvas *m_canvas;
    bool m_answerHidden = false;
    std::optional<PredictionScore> m_score;
};

} // namespace chokepoint::ui
