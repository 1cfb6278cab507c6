#pragma once

#include "charts/qcp.h"
#include "style/palette.h"

namespace chokepoint::ui {

/// The words around a chart: what it shows and for which scenario, and how to read it.
struct ChartText
{
    QString title;    ///< what is shown, for which scenario
    QString subtitle; ///< what is counted
    QString note;     ///< small print under the legend (the users note)
    QString caption;  ///< a full-width block under the chart (the timeline's steps); optional
    QString side;     ///< a column right of the chart (the comparison's lists); optional
};

/**
 * A QCustomPlot laid out the same way for every chart: title, subtitle, the axes (with an optional
 * column of text at their right), the legend, a caption and the note, in the shared fonts and
 * palette. Long texts are wrapped to the width being drawn, so a PNG, SVG or PDF of any size
 * shows the same words as the screen, nothing clipped.
 *
 * The drawing functions (chartdrawing.h) call reset() and then add bars, lines and labels; the
 * exporters call prepareForWidth() before rendering at a size other than the widget's.
 */
class ChartCanvas : public QCustomPlot
{
    Q_OBJECT

public:
    explicit ChartCanvas(QWidget *parent = nullptr);
    ~ChartCanvas() override;

    /// Removes every bar, line and label, resets both axes and the legend, and sets the texts.
    void reset(const ChartText &text, const Palette &palette);
    /// Shows `message` in place of the axes (a chart with nothing to show).
    void showMessage(const QString &message);

    const ChartText &text() const { return m_text; }
    const Palette &palette() const { return m_palette; }
    /// The axis rect charts draw in.
    QCPAxisRect *chartRect() const { return axisRect(); }

    /**
     * Names the key axis' ticks (the bars of a horizontal bar chart), each at most a share of the
     * width being drawn: a longer name is elided, so the bars keep room in a narrow dock (and in a
     * wordier language) while a wide export shows every name whole. Recomputed by prepareForWidth().
     */
    void setKeyLabels(QCPAxis *axis, const QVector<double> &keys, const QStringList &labels);
    /**
     * Keeps room right of the longest bar for its value label at every width: the value axis runs
     * from 0 to past `longest` by the share of the axis that `labelPx` takes, the axis being the
     * width left of the key axis' labels (setKeyLabels). Recomputed by prepareForWidth().
     */
    void setValueHeadroom(QCPAxis *axis, double longest, int labelPx);
    /// Gives the legend's entries room for their descenders; call after adding the plottables.
    void finishLegend();
    /// Re-wraps the texts for a drawing `width` pixels wide and lays the chart out again.
    void prepareForWidth(int width);

    /// Styles an axis with the shared fonts and colours.
    void styleAxis(QCPAxis *axis) const;
    /// Adds a text label at plot coordinates (key axis first as for the plottable).
    QCPItemText *addLabel(QCPAxis *keyAxis, QCPAxis *valueAxis, double key, double value, const QString &text,
                          Qt::Alignment alignment, bool bold = false);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void setWrapped(QCPTextElement *element, const QString &text, int width, int maxLines) const;
    /// Sets the key labels elided for `width`; returns the widest one's width in pixels.
    int elideKeyLabels(int width);
    /// Puts as many legend entries side by side as `width` holds (up to four), the rest below.
    void wrapLegend(int width);
    void placeOptional(QCPLayoutElement *element, int row, bool wanted);

    ChartText m_text;
    Palette m_palette;
    QCPTextElement *m_title;
    QCPTextElement *m_subtitle;
    QCPTextElement *m_side;
    QCPTextElement *m_caption;
    QCPTextElement *m_note;
    QCPLayoutGrid *m_sideBox; ///< m_side over an empty element, so the side column does not cap the height
    QCPLayoutGrid *m_body;    ///< the axis rect and the side column
    int m_wrapWidth = 0;
    struct Headroom
    {
        QCPAxis *axis = nullptr;
        double longest = 0;
        int labelPx = 0;
    } m_headroom;
    struct KeyLabels
    {
        QCPAxis *axis = nullptr;
        QVector<double> keys;
        QStringList labels; ///< whole
    } m_keyLabels;
};

} // namespace chokepoint::ui
