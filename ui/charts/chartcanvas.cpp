#include "charts/chartcanvas.h"

#include "charts/chartstyle.h"
#include "map/mappaint.h"

#include <QFontMetrics>
#include <QFontMetricsF>
#include <algorithm>

namespace chokepoint::ui {
namespace {

enum Row
{
    kTitleRow,
    kSubtitleRow,
    kBodyRow,
    kLegendRow,
    kCaptionRow,
    kNoteRow,
    kRowCount
};

QCPTextElement *textElement(QCustomPlot *plot, int pixelSize, bool bold, int flags)
{
    auto *element = new QCPTextElement(plot, QString(), mapFont(pixelSize, bold));
    element->setTextFlags(flags);
    element->setMargins(QMargins(12, 2, 12, 2));
    return element;
}

} // namespace

ChartCanvas::ChartCanvas(QWidget *parent)
    : QCustomPlot(parent), m_palette(Palette::screen()),
      m_title(textElement(this, chartstyle::kTitlePx, true, Qt::AlignCenter)),
      m_subtitle(textElement(this, chartstyle::kSubtitlePx, false, Qt::AlignCenter)),
      m_side(textElement(this, chartstyle::kSidePx, false, Qt::AlignLeft | Qt::AlignTop)),
      m_caption(textElement(this, chartstyle::kNotePx + 1, false, Qt::AlignLeft | Qt::AlignTop)),
      m_note(textElement(this, chartstyle::kNotePx, false, Qt::AlignLeft | Qt::AlignVCenter)),
      m_sideBox(new QCPLayoutGrid), m_body(new QCPLayoutGrid)
{
    setPlottingHints(QCP::phCacheLabels);
    setAntialiasedElements(QCP::aeAll);
    QCPLayoutGrid *layout = plotLayout();
    QCPAxisRect *rect = axisRect();
    layout->take(rect);
    layout->simplify();
    rect->insetLayout()->take(legend);
    layout->expandTo(kRowCount, 1);
    layout->addElement(kTitleRow, 0, m_title);
    layout->addElement(kSubtitleRow, 0, m_subtitle);
    layout->addElement(kBodyRow, 0, m_body);
    // The legend in the middle of its row: empty elements either side take the spare width.
    auto *legendRow = new QCPLayoutGrid;
    layout->addElement(kLegendRow, 0, legendRow);
    legendRow->addElement(0, 0, new QCPLayoutElement(this));
    legendRow->addElement(0, 1, legend);
    legendRow->addElement(0, 2, new QCPLayoutElement(this));
    legendRow->setColumnStretchFactors({1.0, 0.001, 1.0});
    layout->addElement(kNoteRow, 0, m_note);
    m_body->addElement(0, 0, rect);
    m_sideBox->addElement(0, 0, m_side);
    m_sideBox->addElement(1, 0, new QCPLayoutElement(this));
    m_sideBox->setRowStretchFactors({0.001, 1.0});
    m_body->setColumnSpacing(8);
    for (int r = 0; r < kRowCount; ++r)
        layout->setRowStretchFactor(r, r == kBodyRow ? 1.0 : 0.001);
    layout->setRowSpacing(2);
    m_note->setMargins(QMargins(12, 2, 12, 6));
    m_title->setMargins(QMargins(12, 8, 12, 0));
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setWrap(4);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFont(mapFont(chartstyle::kLegendPx));
    legend->setIconSize(22, 12);
    legend->setColumnSpacing(18);
    legend->setVisible(true);
}

ChartCanvas::~ChartCanvas()
{
    // The optional elements not in the layout right now belong to no layout: delete them here.
    for (QCPLayoutElement *e : std::initializer_list<QCPLayoutElement *>{m_sideBox, m_caption}) {
        if (!e->layout())
            delete e;
    }
}

void ChartCanvas::styleAxis(QCPAxis *axis) const
{
    const QPen pen(m_palette.text, 1);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
    axis->setTickLabelColor(m_palette.text);
    axis->setLabelColor(m_palette.text);
    axis->setTickLabelFont(mapFont(chartstyle::kTickLabelPx));
    axis->setLabelFont(mapFont(chartstyle::kAxisLabelPx));
    axis->grid()->setPen(QPen(m_palette.layerBand.darker(112), 1, Qt::SolidLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

void ChartCanvas::reset(const ChartText &text, const Palette &palette)
{
    m_text = text;
    m_palette = palette;
    m_headroom = {};
    m_keyLabels = {};
    clearPlottables();
    clearItems();
    setBackground(palette.background);
    for (QCPAxis *axis : axisRect()->axes()) {
        axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
        axis->setLabel(QString());
        axis->setRangeReversed(false);
        axis->setTickLabelRotation(0);
        axis->setTickLabels(true);
        axis->setTicks(true);
        axis->setTickLength(0, 4);
        axis->setSubTicks(false);
        axis->setRange(0, 1);
        axis->setNumberFormat(QStringLiteral("gb"));
        axis->grid()->setVisible(false);
        styleAxis(axis);
        axis->setVisible(axis->axisType() == QCPAxis::atLeft || axis->axisType() == QCPAxis::atBottom);
    }
    legend->setVisible(true);
    legend->setTextColor(palette.text);
    for (QCPTextElement *e : {m_title, m_subtitle, m_side, m_caption, m_note})
        e->setTextColor(palette.text);
    m_subtitle->setTextColor(mixColors(palette.text, palette.background, 0.25));
    m_note->setTextColor(mixColors(palette.text, palette.background, 0.3));
    prepareForWidth(m_wrapWidth > 0 ? m_wrapWidth : width());
}

void ChartCanvas::showMessage(const QString &message)
{
    for (QCPAxis *axis : axisRect()->axes())
        axis->setVisible(false);
    legend->setVisible(false);
    auto *item = new QCPItemText(this);
    item->position->setType(QCPItemPosition::ptAxisRectRatio);
    item->position->setCoords(0.5, 0.45);
    item->setPositionAlignment(Qt::AlignCenter);
    item->setTextAlignment(Qt::AlignCenter);
    item->setFont(mapFont(chartstyle::kMessagePx));
    item->setColor(m_palette.text);
    item->setText(message);
}

QCPItemText *ChartCanvas::addLabel(QCPAxis *keyAxis, QCPAxis *valueAxis, double key, double value,
                                   const QString &text, Qt::Alignment alignment, bool bold)
{
    auto *item = new QCPItemText(this);
    item->position->setType(QCPItemPosition::ptPlotCoords);
    item->position->setAxes(keyAxis, valueAxis);
    item->position->setCoords(key, value);
    item->setPositionAlignment(alignment);
    item->setFont(mapFont(chartstyle::kValueLabelPx, bold));
    item->setColor(m_palette.text);
    item->setPadding(QMargins(5, 1, 5, 1));
    item->setText(text);
    return item;
}

void ChartCanvas::setKeyLabels(QCPAxis *axis, const QVector<double> &keys, const QStringList &labels)
{
    m_keyLabels = {axis, keys, labels};
    prepareForWidth(m_wrapWidth > 0 ? m_wrapWidth : width());
}

int ChartCanvas::elideKeyLabels(int width)
{
    if (!m_keyLabels.axis)
        return 0;
    constexpr double kMaxLabelShare = 0.45; // of the width, for the longest name
    const QFontMetrics metrics(mapFont(chartstyle::kTickLabelPx));
    const int room = std::max(80, static_cast<int>(width * kMaxLabelShare));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    int widest = 0;
    for (qsizetype i = 0; i < m_keyLabels.keys.size() && i < m_keyLabels.labels.size(); ++i) {
        const QString label = metrics.elidedText(m_keyLabels.labels[i], Qt::ElideMiddle, room);
        ticker->addTick(m_keyLabels.keys[i], label);
        widest = std::max(widest, metrics.horizontalAdvance(label));
    }
    m_keyLabels.axis->setTicker(ticker);
    return widest;
}

void ChartCanvas::setValueHeadroom(QCPAxis *axis, double longest, int labelPx)
{
    m_headroom = {axis, longest, labelPx};
    prepareForWidth(m_wrapWidth > 0 ? m_wrapWidth : width());
}

void ChartCanvas::finishLegend()
{
    for (int i = 0; i < legend->itemCount(); ++i) {
        QCPAbstractLegendItem *item = legend->item(i);
        item->setMargins(QMargins(6, 3, 6, 6));
        item->setTextColor(m_palette.text);
    }
    wrapLegend(m_wrapWidth > 0 ? m_wrapWidth : width());
}

void ChartCanvas::wrapLegend(int width)
{
    // A narrow dock or a wordier language would otherwise squeeze the entries and clip their names.
    constexpr int kMaxColumns = 4;
    int columns = 0;
    int used = 0;
    for (int i = 0; i < legend->itemCount() && columns < kMaxColumns; ++i) {
        const int entry =
            legend->item(i)->minimumOuterSizeHint().width() + (columns ? legend->columnSpacing() : 0);
        if (columns > 0 && used + entry > width - 24)
            break;
        used += entry;
        ++columns;
    }
    columns = std::max(columns, 1);
    if (legend->wrap() != columns) {
        legend->setWrap(columns);
        legend->setFillOrder(QCPLegend::foColumnsFirst, true); // lays the entries out again
    }
}

void ChartCanvas::setWrapped(QCPTextElement *element, const QString &text, int width, int maxLines) const
{
    const QFontMetricsF metrics(element->font());
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        if (paragraph.isEmpty())
            lines << QString();
        else
            lines << wrapText(paragraph, metrics, std::max(80, width), maxLines);
    }
    element->setText(lines.join(QLatin1Char('\n')));
}

void ChartCanvas::placeOptional(QCPLayoutElement *element, int row, bool wanted)
{
    QCPLayoutGrid *grid = element == m_sideBox ? m_body : plotLayout();
    const int r = element == m_sideBox ? 0 : row;
    const int c = element == m_sideBox ? 1 : 0;
    if (wanted && !element->layout()) {
        grid->addElement(r, c, element);
    } else if (!wanted && element->layout()) {
        grid->take(element);
        element->setParent(this); // stays ours until it is wanted again
    }
}

void ChartCanvas::prepareForWidth(int width)
{
    if (width <= 0)
        width = chartstyle::kDefaultExportSize.width();
    m_wrapWidth = width;
    const int textWidth = width - 30;
    setWrapped(m_title, m_text.title, textWidth, 2);
    setWrapped(m_subtitle, m_text.subtitle, textWidth, 3);
    setWrapped(m_note, m_text.note, textWidth, 3);
    setWrapped(m_caption, m_text.caption, textWidth, 2);
    setWrapped(m_side, m_text.side, std::clamp(width / 3, 160, 380), 2);
    wrapLegend(width);
    placeOptional(m_sideBox, 0, !m_text.side.isEmpty());
    placeOptional(m_caption, kCaptionRow, !m_text.caption.isEmpty());
    const int keyLabelPx = elideKeyLabels(width);
    if (m_headroom.axis) {
        const double axisPx = std::max(120, width - keyLabelPx - 60);
        const double share = std::min(0.6, (m_headroom.labelPx + 16) / axisPx);
        m_headroom.axis->setRange(0, m_headroom.longest > 0 ? m_headroom.longest / (1 - share) : 1);
    }
    if (m_text.side.isEmpty())
        m_body->simplify();
    else
        m_body->setColumnStretchFactors({1.0, 0.001});
}

void ChartCanvas::resizeEvent(QResizeEvent *event)
{
    prepareForWidth(event->size().width());
    QCustomPlot::resizeEvent(event);
}

} // namespace chokepoint::ui
