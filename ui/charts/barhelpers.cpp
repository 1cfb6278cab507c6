#include "charts/barhelpers.h"

#include "charts/chartcanvas.h"
#include "charts/chartkind.h"
#include "charts/chartstyle.h"
#include "map/mappaint.h"

#include <QFontMetrics>
#include <algorithm>

namespace chokepoint::ui {

QCPBars *stateBars(ChartCanvas *canvas, const QColor &colour, const QString &name, bool light)
{
    auto *bars = new QCPBars(canvas->xAxis, canvas->yAxis);
    bars->setName(name);
    bars->setPen(QPen(colour.darker(135), 1));
    bars->setBrush(light ? mixColors(colour, Qt::white, 0.55) : colour);
    bars->setWidth(chartstyle::kBarWidth);
    bars->setStackingGap(0);
    return bars;
}

void useIntegerTicks(QCPAxis *axis)
{
    QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    ticker->setTickCount(6);
    axis->setTicker(ticker);
}

QString barLabel(const QString &name, const QString &kind, int maxChars)
{
    QString label = name;
    const int room = maxChars - static_cast<int>(kind.size()) - 3;
    if (label.size() > room)
        label = label.left(std::max(8, room - 1)).trimmed() + QStringLiteral("…");
    return QStringLiteral("%1 (%2)").arg(label, kind);
}

void drawUserBars(ChartCanvas *canvas, const std::vector<UserBarRow> &rows, const QString &lostName,
                  const QString &degradedName)
{
    const Palette &p = canvas->palette();
    QCPAxis *keys = canvas->yAxis;
    QCPAxis *values = canvas->xAxis;
    auto *lost = stateBars(canvas, p.failed, lostName);
    auto *degraded = stateBars(canvas, p.degraded, degradedName);
    for (QCPBars *bars : {lost, degraded}) {
        bars->setKeyAxis(keys);
        bars->setValueAxis(values);
    }
    degraded->moveAbove(lost);

    const QFontMetrics valueMetrics(mapFont(chartstyle::kValueLabelPx));
    QVector<double> keyValues;
    QStringList labels;
    double longest = 0;
    int labelPx = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const double key = static_cast<double>(i + 1);
        const UserBarRow &r = rows[i];
        lost->addData(key, r.lost / 1e6);
        degraded->addData(key, r.degraded / 1e6);
        keyValues.push_back(key);
        labels.push_back(r.label);
        const double total = (r.lost + r.degraded) / 1e6;
        longest = std::max(longest, total);
        labelPx = std::max(labelPx, valueMetrics.horizontalAdvance(r.valueText));
        // Unclipped: at small sizes a label may run into the right margin kept free for it.
        canvas->addLabel(keys, values, key, total, r.valueText, Qt::AlignLeft | Qt::AlignVCenter)
            ->setClipToAxisRect(false);
    }
    canvas->setKeyLabels(keys, keyValues, labels);
    keys->setRangeReversed(true);
    // A few rows keep the thickness of a full chart's rather than swelling to fill it.
    const double slots = std::max<double>(static_cast<double>(rows.size()), chartstyle::kTopRows / 2.0);
    keys->setRange(0.4, slots + 0.6);
    keys->setTickLength(0, 0);
    keys->setTickLabels(true);
    canvas->setValueHeadroom(values, longest, labelPx);
    values->setLabel(Charts::tr("users, millions"));
    values->grid()->setVisible(true);
    canvas->chartRect()->setMinimumMargins(QMargins(0, 0, 24, 0));
}

} // namespace chokepoint::ui
