#include "map/mappaint.h"

#include <QFontMetricsF>

namespace chokepoint::ui {

QFont mapFont(int pixelSize, bool bold)
{
    QFont f;
    f.setPixelSize(pixelSize);
    f.setBold(bold);
    f.setStyleStrategy(QFont::PreferAntialias);
    f.setHintingPreference(QFont::PreferNoHinting); // text scales with the zoom: no pixel snapping
    return f;
}

QColor mixColors(const QColor &a, const QColor &b, double share)
{
    const double keep = 1.0 - share;
    return QColor::fromRgbF(static_cast<float>(a.redF() * keep + b.redF() * share),
                            static_cast<float>(a.greenF() * keep + b.greenF() * share),
                            static_cast<float>(a.blueF() * keep + b.blueF() * share));
}

QStringList wrapText(const QString &text, const QFontMetricsF &metrics, double width, int maxLines)
{
    QStringList lines;
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QString line;
    for (qsizetype w = 0; w < words.size(); ++w) {
        const QString candidate = line.isEmpty() ? words[w] : line + QLatin1Char(' ') + words[w];
        if (metrics.horizontalAdvance(candidate) <= width || line.isEmpty()) {
            line = candidate;
            continue;
        }
        if (lines.size() + 1 == maxLines) { // last line: the rest, elided
            line = candidate;
            for (++w; w < words.size(); ++w)
                line += QLatin1Char(' ') + words[w];
            break;
        }
        lines << line;
        line = words[w];
    }
    if (!line.isEmpty())
        lines << line;
    for (QString &l : lines)
        l = metrics.elidedText(l, Qt::ElideRight, width);
    return lines;
}

} // namespace chokepoint::ui
