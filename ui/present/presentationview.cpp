#include "present/presentationview.h"

#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartexport.h"
#include "charts/chartinput.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "i18n/language.h"
#include "map/mappaint.h"
#include "map/mapview.h"

#include <QDate>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace chokepoint::ui {
namespace {

constexpr int kMinBodyPx = 24;        ///< issue 7: at least 24 px on a 1080 p projector
constexpr double kBodyPerHeight = 1.0 / 45; ///< 24 px at 1080, 48 px at 2160
constexpr double kSideShare = 0.38;   ///< of the width, for the figures and the chart
constexpr double kChartTextScale = 1.4; ///< the chart's 12–17 px type comes out at 17–24 px
constexpr int kChartRows = 8;         ///< the users chart: the eight functions and apps hit hardest
constexpr int kChartLabelChars = 30;  ///< … with short labels, so the bars and figures have room
constexpr double kMapLabelPx = 13;    ///< the map's own layer tags and legend, before scaling
constexpr double kMapFocusMinZoom = 0.8; ///< node names stay readable from the back, most cascades fit
constexpr double kMapMaxZoom = 2.0;

QString esc(const QString &s) { return s.toHtmlEscaped(); }

QString colourName(const QColor &c) { return c.name(QColor::HexRgb); }

/// "4 December 2025" from "2025-12-04"; other forms ("2025-12", "n.d.") as written.
QString longDate(const std::string &iso)
{
    const QDate d = QDate::fromString(qstr(iso), Qt::ISODate);
    return d.isValid() ? QLocale().toString(d, QStringLiteral("d MMMM yyyy")) : qstr(iso == "n.d." ? std::string() : iso);
}

} // namespace

PresentationView::PresentationView(Document *document, const Palette &palette, QWidget *parent)
    : QWidget(parent), m_document(document), m_palette(palette), m_mapSlot(new QWidget(this)),
      m_title(new QLabel(this)), m_counter(new QLabel(this)), m_step(new QLabel(this)), m_prompt(new QLabel(this)),
      m_figures(new QLabel(this)), m_chart(new QLabel(this)), m_keys(new QLabel(this)), m_canvas(new ChartCanvas(this))
{
    setObjectName(QStringLiteral("presentationView"));
    setAutoFillBackground(true);
    QPalette pal = QWidget::palette();
    pal.setColor(QPalette::Window, m_palette.background);
    pal.setColor(QPalette::WindowText, m_palette.text);
    setPalette(pal);
    m_canvas->hide(); // drawn into m_chart at the presentation's scale

    auto *caption = new QWidget(this);
    caption->setObjectName(QStringLiteral("captionBar"));
    caption->setStyleSheet(QStringLiteral("#captionBar { background: %1; } #captionBar QLabel { color: white; }")
                               .arg(colourName(m_palette.text)));
    auto *captionLayout = new QVBoxLayout(caption);
    auto *titleRow = new QHBoxLayout;
    titleRow->addWidget(m_title, 1);
    titleRow->addWidget(m_counter, 0, Qt::AlignRight | Qt::AlignTop);
    captionLayout->addLayout(titleRow);
    captionLayout->addWidget(m_step);
    captionLayout->addWidget(m_prompt);
    for (QLabel *l : {m_title, m_step, m_prompt})
        l->setWordWrap(true);
    m_prompt->setStyleSheet(QStringLiteral("color: %1;").arg(colourName(m_palette.highlight)));

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_figures);
    sideLayout->addWidget(m_chart, 1);
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    m_figures->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_chart->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_chart->setTextFormat(Qt::RichText);
    m_chart->setWordWrap(true);
    m_chart->setMinimumSize(1, 1);
    m_chart->installEventFilter(this); // redrawn at the size the layout gives it

    auto *mapSlotLayout = new QVBoxLayout(m_mapSlot);
    mapSlotLayout->setContentsMargins(0, 0, 0, 0);
    auto *body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(m_mapSlot, 1);
    body->addWidget(side, 0);

    m_keys->setObjectName(QStringLiteral("keysLine"));
    retranslate();
    m_keys->setStyleSheet(QStringLiteral("color: %1;").arg(colourName(mixColors(m_palette.text, m_palette.background, 0.35))));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 8);
    layout->setSpacing(8);
    layout->addWidget(caption);
    layout->addLayout(body, 1);
    layout->addWidget(m_keys, 0, Qt::AlignHCenter);
    body->setContentsMargins(0, 0, 16, 0);

    connect(document, &Document::impactChanged, this, &PresentationView::refresh);
    connect(document, &Document::scenarioChanged, this, &PresentationView::refresh);
    applyFonts();
    refresh();
}

void PresentationView::setMap(MapView *map)
{
    m_map = map;
    m_mapSlot->layout()->addWidget(map);
    map->show();
    applyFonts();
}

MapView *PresentationView::releaseMap()
{
    MapView *map = m_map;
    if (map) {
        m_mapSlot->layout()->removeWidget(map);
        map->setParent(nullptr);
        map->setPresentationScale(1, 0, 0);
    }
    m_map = nullptr;
    return map;
}

int PresentationView::bodyPx() const
{
    return std::max(kMinBodyPx, static_cast<int>(std::lround(height() * kBodyPerHeight)));
}

void PresentationView::retranslate()
{
    m_keys->setText(tr("Space / → next step · ← back · Home start · P predict · Enter reveal · N notes · "
                       "Page Down next scenario · Esc leave"));
}

void PresentationView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

bool PresentationView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_chart && event->type() == QEvent::Resize)
        drawChart();
    return QWidget::eventFilter(watched, event);
}

void PresentationView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyFonts();
    refresh();
}

void PresentationView::applyFonts()
{
    const int px = bodyPx();
    auto sized = [](QLabel *label, int pixels, bool bold) {
        QFont f = label->font();
        f.setPixelSize(pixels);
        f.setBold(bold);
        label->setFont(f);
    };
    sized(m_title, px * 8 / 5, true);
    sized(m_counter, px * 8 / 5, true);
    sized(m_step, px, false);
    sized(m_prompt, px, true);
    sized(m_figures, px, false);
    sized(m_chart, px, false);
    sized(m_keys, std::max(18, px * 3 / 4), false);
    m_figures->parentWidget()->setFixedWidth(static_cast<int>(width() * kSideShare));
    m_title->parentWidget()->layout()->setContentsMargins(px, px / 2, px, px / 2);
    if (m_map)
        m_map->setPresentationScale(px / kMapLabelPx, kMapFocusMinZoom, kMapMaxZoom);
}

void PresentationView::setAnswerHidden(bool hidden)
{
    m_answerHidden = hidden;
    refresh();
}

void PresentationView::setScore(const PredictionScore *score)
{
    m_score = score ? std::optional<PredictionScore>(*score) : std::nullopt;
    refresh();
}

void PresentationView::setPrompt(const QString &prompt)
{
    m_prompt->setText(prompt);
    m_prompt->setVisible(!prompt.isEmpty());
}

void PresentationView::refresh()
{
    const Scenario *s = m_document->scenario();
    const Impact &impact = m_document->impact();
    if (s) {
        m_title->setText(scenarioTitle(*s));
    } else {
        m_title->setText(m_document->actions().empty() ? tr("Nothing blocked") : tr("Actions chosen by hand"));
    }

    const int count = m_document->stepCount();
    const int step = m_document->currentStep();
    QString line;
    if (s && count > 0 && step > 0) {
        const Step &st = s->steps[static_cast<std::size_t>(step - 1)];
        const QString date = longDate(st.date);
        line = date.isEmpty() ? stepTitle(st) : tr("%1 — %2").arg(date, stepTitle(st));
        m_counter->setText(tr("Step %1 of %2").arg(step).arg(count));
    } else if (s && count > 0 && step == 0) {
        const QString date = longDate(s->date);
        line = date.isEmpty() ? tr("Before the first step: press Space to begin")
                              : tr("%1 — before the first step: press Space to begin").arg(date);
        m_counter->setText(tr("Step 0 of %1").arg(count));
    } else {
        line = s ? longDate(s->date) : QString();
        if (s && count > 0)
            line += (line.isEmpty() ? QString() : QStringLiteral(" · ")) + tr("changed by hand");
        m_counter->setText(QString());
    }
    m_step->setText(line);
    m_step->setVisible(!line.isEmpty());

    // The figures: what the class came to see, in large numbers, two by two.
    const ImpactFigures &f = impact.all;
    const int px = bodyPx();
    auto figure = [&](const QString &value, const QString &label, const QColor &colour) {
        return QStringLiteral("<td style='padding:0 %1px %1px 0' width='50%'><span style='font-size:%2px; font-weight:bold; "
                              "color:%3'>%4</span><br>%5</td>")
            .arg(px / 2)
            .arg(px * 2)
            .arg(colourName(colour), esc(m_answerHidden ? QStringLiteral("?") : value), esc(label));
    };
    QString html = QStringLiteral("<table width='100%'><tr>");
    html += figure(formatUsers(f.usersLost), tr("users lose a function or an app"), m_palette.failed);
    html += figure(formatUsers(f.usersDegraded), tr("users get a degraded one"), m_palette.degraded.darker(115));
    html += QStringLiteral("</tr><tr>");
    const auto apps = static_cast<int>(f.apps.failed);
    const auto functions = static_cast<int>(f.functions.failed);
    html += figure(QString::number(apps), tr("app(s) fail", nullptr, m_answerHidden ? 2 : apps), m_palette.text);
    html += figure(QString::number(functions), tr("function(s) fail", nullptr, m_answerHidden ? 2 : functions),
                   m_palette.text);
    html += QStringLiteral("</tr></table>");
    m_figures->setText(html);
    drawChart();
}

void PresentationView::drawChart()
{
    if (m_answerHidden) {
        m_chart->setPixmap({});
        m_chart->setText(tr("<p>What will stop working?</p><p>Mark your guesses on the map, then reveal.</p>"));
        return;
    }
    if (m_score) {
        m_chart->setPixmap({});
        m_chart->setText(scoreHtml());
        return;
    }
    const QSize size = m_chart->size();
    if (size.width() < 50 || size.height() < 50)
        return;
    const double scale = kChartTextScale * bodyPx() / kMinBodyPx;
    const QSize logical(static_cast<int>(size.width() / scale), static_cast<int>(size.height() / scale));
    m_canvas->resize(logical);
    ChartInput input = chartInput(*m_document);
    input.topRows = kChartRows;
    input.maxLabelChars = kChartLabelChars;
    chokepoint::ui::drawChart(m_canvas, ChartKind::Users, input, m_palette);
    m_chart->setPixmap(QPixmap::fromImage(chartImage(m_canvas, logical, scale)));
}

QString PresentationView::scoreHtml() const
{
    const PredictionScore &s = *m_score;
    const int failed = static_cast<int>(s.hits.size() + s.surprises.size());
    QString html = QStringLiteral("<p style='font-size:%1px'><b>%2</b></p>")
                       .arg(bodyPx() * 5 / 4)
                       .arg(esc(failed == 0 ? tr("Nothing new failed.")
                                            : tr("You found %1 of %2 failures (%3%).")
                                                  .arg(s.hits.size())
                                                  .arg(failed)
                                                  .arg(s.percentFound())));
    auto row = [&](const QString &mark, const QColor &colour, std::size_t n, const QString &label) {
        return QStringLiteral("<tr><td style='color:%1; font-weight:bold; padding-right:12px'>%2 %3</td><td>%4</td></tr>")
            .arg(colourName(colour), mark)
            .arg(n)
            .arg(esc(label));
    };
    html += QStringLiteral("<table>");
    html += row(QStringLiteral("✓"), m_palette.ok, s.hits.size(), tr("predicted, and failed"));
    html += row(QStringLiteral("≈"), m_palette.degraded.darker(120), s.partial.size(), tr("predicted, only degraded"));
    html += row(QStringLiteral("✗"), m_palette.edge.darker(130), s.wrong.size(), tr("predicted, still works"));
    html += row(QStringLiteral("!"), m_palette.surprise, s.surprises.size(), tr("surprises: failed, not predicted"));
    html += QStringLiteral("</table>");
    if (!s.surprises.empty()) {
        QStringList names;
        for (std::size_t i : s.surprises) {
            const Node &n = m_document->node(static_cast<int>(i));
            if (n.kind == Kind::App || n.kind == Kind::Function)
                names << esc(nodeName(n));
        }
        const int shown = std::min<int>(6, static_cast<int>(names.size()));
        if (shown > 0) {
            QString list = names.mid(0, shown).join(QStringLiteral(", "));
            if (names.size() > shown)
                list += tr(" and %1 more").arg(names.size() - shown);
            html += QStringLiteral("<p><b>%1</b> %2</p>").arg(esc(tr("Surprises:")), list);
        }
    }
    return html;
}

QString PresentationView::titleText() const { return m_title->text(); }
QString PresentationView::stepText() const { return m_counter->text() + QLatin1Char('\n') + m_step->text(); }
QString PresentationView::figuresText() const
{
    QTextDocument doc;
    doc.setHtml(m_figures->text());
    return doc.toPlainText();
}

} // namespace chokepoint::ui
