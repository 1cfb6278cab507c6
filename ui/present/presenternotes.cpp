#include "present/presenternotes.h"

#include "document/document.h"
#include "i18n/language.h"

#include <QGuiApplication>
#include <QInputDialog>
#include <QPushButton>
#include <QScreen>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace chokepoint::ui {
namespace {

constexpr QSize kCornerSize{460, 380};
constexpr int kCornerMargin = 24;

QString esc(const QString &s) { return s.toHtmlEscaped(); }

} // namespace

PresenterNotes::PresenterNotes(Document *document, QWidget *parent)
    : QWidget(parent, Qt::Window | Qt::WindowStaysOnTopHint), m_text(new QTextBrowser(this)),
      m_edit(new QPushButton(this))
{
    setObjectName(QStringLiteral("presenterNotes"));
    retranslate();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_edit, 0, Qt::AlignRight);
    connect(m_edit, &QPushButton::clicked, this, &PresenterNotes::editNotes);
    m_text->setOpenLinks(false);
    QFont f = m_text->font();
    f.setPixelSize(18);
    m_text->setFont(f);
    setDocument(document);
}

void PresenterNotes::retranslate()
{
    setWindowTitle(tr("Presenter notes — Chokepoint"));
    m_edit->setText(tr("&Edit Notes…"));
    m_edit->setToolTip(tr("Write the notes for this step, in the interface's language (undoable, saved with the document)"));
}

void PresenterNotes::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refresh();
    }
    QWidget::changeEvent(event);
}

void PresenterNotes::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) {
        connect(m_document, &Document::impactChanged, this, &PresenterNotes::refresh);
        connect(m_document, &Document::stepNotesChanged, this, &PresenterNotes::refresh);
    }
    refresh();
}

bool PresenterNotes::hasSecondScreen(const QWidget *window)
{
    const auto screens = QGuiApplication::screens();
    return screens.size() > 1 && window && window->screen();
}

void PresenterNotes::placeBeside(const QWidget *window)
{
    QScreen *presentation = window ? window->screen() : QGuiApplication::primaryScreen();
    for (QScreen *s : QGuiApplication::screens()) {
        if (s != presentation) {
            setGeometry(s->availableGeometry());
            showMaximized();
            return;
        }
    }
    if (!presentation)
        return;
    const QRect area = presentation->availableGeometry();
    resize(kCornerSize);
    move(area.right() - kCornerSize.width() - kCornerMargin, area.bottom() - kCornerSize.height() - kCornerMargin);
}

void PresenterNotes::editNotes()
{
    if (!m_document || !m_document->scenario() || m_document->currentStep() < 1)
        return;
    const int step = m_document->currentStep();
    const Step &st = m_document->scenario()->steps[static_cast<std::size_t>(step - 1)];
    bool ok = false;
    const QString notes = QInputDialog::getMultiLineText(this, tr("Presenter notes"),
                                                         tr("Notes for step %1: %2").arg(step).arg(stepTitle(st)),
                                                         stepNotes(st), &ok);
    if (ok)
        m_document->setStepNotes(m_document->scenarioId(), step, notes.trimmed());
}

void PresenterNotes::refresh()
{
    m_edit->setEnabled(m_document && m_document->scenario() && m_document->currentStep() >= 1);
    if (!m_document) {
        m_text->clear();
        return;
    }
    const Scenario *s = m_document->scenario();
    QString html;
    if (!s) {
        html = tr("<p>No scenario is applied. Page Down starts the first scenario with a timeline.</p>");
        m_text->setHtml(html);
        return;
    }
    html += QStringLiteral("<h2>%1</h2>").arg(esc(scenarioTitle(*s)));
    const int count = m_document->stepCount();
    const int step = m_document->currentStep();
    if (count > 0 && step >= 0) {
        html += QStringLiteral("<h3>%1</h3>").arg(esc(
            step == 0 ? tr("Before the first step (of %1)").arg(count)
                      : tr("Step %1 of %2: %3").arg(step).arg(count).arg(stepTitle(s->steps[static_cast<std::size_t>(step - 1)]))));
        if (step > 0) {
            const Step &st = s->steps[static_cast<std::size_t>(step - 1)];
            if (!st.date.empty())
                html += QStringLiteral("<p><i>%1</i></p>").arg(esc(qstr(st.date)));
            const QString notes = stepNotes(st);
            html += notes.isEmpty() ? tr("<p>No notes for this step.</p>") : QStringLiteral("<p>%1</p>").arg(esc(notes));
        } else {
            html += QStringLiteral("<p>%1</p>").arg(esc(scenarioDescription(*s)));
        }
        if (step < count)
            html += QStringLiteral("<p><b>%1</b> %2</p>")
                        .arg(esc(tr("Next:")), esc(stepTitle(s->steps[static_cast<std::size_t>(step)])));
        else
            html += QStringLiteral("<p><b>%1</b></p>").arg(esc(tr("This is the last step.")));
    } else {
        if (count > 0)
            html += QStringLiteral("<p><i>%1</i></p>").arg(esc(tr("The blocks were changed by hand: Home goes back to the start of the timeline.")));
        html += QStringLiteral("<p>%1</p>").arg(esc(scenarioDescription(*s)));
    }
    html += QStringLiteral("<p style='color:#555'>%1</p>")
                .arg(esc(tr("%n source(s) cited for this scenario.", nullptr, static_cast<int>(s->sources.size()))));
    m_text->setHtml(html);
}

QString PresenterNotes::plainText() const { return m_text->toPlainText(); }

} // namespace chokepoint::ui
