#include "present/presenter.h"

#include "document/document.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "map/nodeitem.h"
#include "present/presentationview.h"
#include "present/presenternotes.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>
#include <functional>

namespace chokepoint::ui {

Presenter::Presenter(QMainWindow *window, QObject *parent) : QObject(parent), m_window(window) {}

Presenter::~Presenter() { delete m_notes; }

void Presenter::setTargets(Document *document, MapScene *scene, MapView *view)
{
    if (isPresenting())
        leave();
    if (m_predicting)
        setPredicting(false);
    m_document = document;
    m_scene = scene;
    m_map = view;
    if (m_scene)
        connect(m_scene, &MapScene::nodeMarkToggled, this, &Presenter::toggleMark, Qt::UniqueConnection);
    if (m_notes) {
        m_notes->setDocument(document);
        refreshNotes();
    }
}

std::vector<std::size_t> Presenter::predicted() const
{
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < m_marked.size(); ++i) {
        if (m_marked[i])
            out.push_back(i);
    }
    return out;
}

// --- presentation mode ---------------------------------------------------------------------------

void Presenter::enter(bool fullScreen)
{
    if (isPresenting() || !m_document || !m_map)
        return;
    m_savedState = m_window->saveState();
    m_wasFullScreen = m_window->isFullScreen();
    m_wasMaximized = m_window->isMaximized();
    m_menuBarWasVisible = m_window->menuBar()->isVisible();
    m_statusBarWasVisible = m_window->statusBar()->isVisible();

    // Only the presentation on screen: no toolbar, menus, docks or status line.
    for (QToolBar *bar : m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
        bar->hide();
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly))
        dock->hide();
    m_window->menuBar()->hide();
    m_window->statusBar()->hide();

    m_window->takeCentralWidget(); // the map: the presentation view takes it in
    m_view = new PresentationView(m_document, Palette::projector(), m_window);
    m_view->setMap(m_map);
    m_window->setCentralWidget(m_view);
    m_scene->setPalette(Palette::projector());
    m_scene->setAnimateChanges(true);
    if (fullScreen)
        m_window->showFullScreen();
    if (m_predicting)
        m_view->setAnswerHidden(!isRevealed());
    if (m_score)
        m_view->setScore(&*m_score);
    updatePrompt();
    m_map->focusOnAffected();
    m_map->setFocus();
    if (PresenterNotes::hasSecondScreen(m_window))
        toggleNotes();
    Q_EMIT presentingChanged(true);
}

void Presenter::leave()
{
    if (!isPresenting())
        return;
    MapView *map = m_view->releaseMap();
    m_window->takeCentralWidget(); // parentless now: it must not outlive this call
    delete m_view;
    m_view = nullptr;
    m_window->setCentralWidget(map);
    m_scene->setAnimateChanges(false);
    m_scene->setPalette(Palette::screen());
    m_window->menuBar()->setVisible(m_menuBarWasVisible);
    m_window->statusBar()->setVisible(m_statusBarWasVisible);
    for (QToolBar *bar : m_window->findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
        bar->show();
    m_window->restoreState(m_savedState);
    if (m_window->isFullScreen() && !m_wasFullScreen)
        m_wasMaximized ? m_window->showMaximized() : m_window->showNormal();
    if (m_notes)
        m_notes->hide();
    if (!m_predicting)
        map->focusOnAffected();
    Q_EMIT presentingChanged(false);
}

// --- the timeline ----------------------------------------------------------------------------------

void Presenter::moveOnTimeline(bool forward, const std::function<void()> &move)
{
    // Forward, an open prediction stays open: the class predicts what the step does. Anywhere
    // else (or after a reveal) a new round starts, on the states where the move lands.
    const bool newRound = m_predicting && (!forward || isRevealed());
    if (newRound)
        closeRound();
    if (newRound && forward)
        openRound();
    move();
    if (newRound && !forward)
        openRound();
    if (m_map)
        m_map->focusOnAffected(); // while predicting too: the frame shows where to look, not what fails
    refreshNotes();
}

void Presenter::next()
{
    if (m_document)
        moveOnTimeline(true, [this] { m_document->stepForward(); });
}

void Presenter::back()
{
    if (m_document && m_document->currentStep() != 0)
        moveOnTimeline(false, [this] { m_document->stepBack(); });
}

void Presenter::toStart()
{
    if (m_document && m_document->stepCount() > 0)
        moveOnTimeline(false, [this] { m_document->goToStep(0); });
}

void Presenter::toEnd()
{
    if (m_document && m_document->stepCount() > 0)
        moveOnTimeline(true, [this] { m_document->goToStep(m_document->stepCount()); });
}

void Presenter::switchScenario(int delta)
{
    if (!m_document)
        return;
    std::vector<QString> timelines;
    for (const Scenario &s : m_document->model().scenarios) {
        if (!s.steps.empty())
            timelines.push_back(qstr(s.id));
    }
    if (timelines.empty())
        return;
    const auto it = std::find(timelines.begin(), timelines.end(), m_document->scenarioId());
    const int n = static_cast<int>(timelines.size());
    int at = it == timelines.end() ? (delta > 0 ? -1 : 0) : static_cast<int>(it - timelines.begin());
    at = ((at + delta) % n + n) % n;
    const QString id = timelines[static_cast<std::size_t>(at)];
    moveOnTimeline(false, [this, &id] { m_document->goToStep(0, id); });
}

// --- predict, then reveal ------------------------------------------------------------------------------

void Presenter::setPredicting(bool on)
{
    if (on == m_predicting || (on && !m_document))
        return;
    m_predicting = on;
    if (on)
        openRound();
    else
        closeRound();
    if (m_scene)
        m_scene->setMarking(on);
    updatePrompt();
    Q_EMIT predictingChanged(on);
}

void Presenter::openRound()
{
    m_score.reset();
    m_marked.assign(static_cast<std::size_t>(m_document->nodeCount()), 0);
    m_cursor = -1;
    if (m_scene) {
        m_scene->clearMarks();
        m_scene->setHoldStates(true);
        m_scene->setMarking(true);
    }
    if (m_view) {
        m_view->setScore(nullptr);
        m_view->setAnswerHidden(true);
    }
    updatePrompt();
}

void Presenter::closeRound()
{
    if (m_scene) {
        m_scene->setHoldStates(false);
        m_scene->clearMarks();
    }
    m_score.reset();
    std::fill(m_marked.begin(), m_marked.end(), 0);
    if (m_view) {
        m_view->setScore(nullptr);
        m_view->setAnswerHidden(false);
    }
}

bool Presenter::canMark(int index) const
{
    if (!m_document || !m_scene || index < 0 || index >= m_document->nodeCount())
        return false;
    return m_document->node(index).kind != Kind::Gate && m_document->action(index) == NodeAction::None &&
           m_scene->shownStates()[static_cast<std::size_t>(index)] != State::Failed;
}

void Presenter::toggleMark(int index)
{
    if (!m_predicting || isRevealed() || !canMark(index))
        return;
    char &m = m_marked[static_cast<std::size_t>(index)];
    m = !m;
    m_scene->setMark(index, m ? NodeMark::Predicted : NodeMark::None);
    updatePrompt();
}

void Presenter::moveMarkCursor(int delta)
{
    if (!m_predicting || isRevealed() || !m_scene)
        return;
    std::vector<std::pair<QPointF, int>> candidates;
    for (int i = 0; i < m_document->nodeCount(); ++i) {
        if (NodeItem *item = m_scene->nodeItem(i); item && canMark(i))
            candidates.emplace_back(item->pos(), i);
    }
    if (candidates.empty())
        return;
    std::sort(candidates.begin(), candidates.end(), [](const auto &a, const auto &b) {
        return a.first.y() != b.first.y() ? a.first.y() < b.first.y() : a.first.x() < b.first.x();
    });
    const int n = static_cast<int>(candidates.size());
    int at = -1;
    for (int k = 0; k < n; ++k) {
        if (candidates[static_cast<std::size_t>(k)].second == m_cursor)
            at = k;
    }
    at = at < 0 ? (delta > 0 ? 0 : n - 1) : ((at + delta) % n + n) % n;
    m_cursor = candidates[static_cast<std::size_t>(at)].second;
    m_scene->selectNode(m_cursor);
    if (m_map)
        m_map->ensureVisible(m_scene->nodeItem(m_cursor), 60, 60);
}

void Presenter::toggleMarkAtCursor()
{
    if (m_cursor >= 0)
        toggleMark(m_cursor);
}

void Presenter::reveal()
{
    if (!m_predicting || isRevealed() || !m_scene)
        return;
    const int n = m_document->nodeCount();
    const std::vector<State> before = m_scene->shownStates();
    std::vector<State> after(static_cast<std::size_t>(n));
    std::vector<char> given(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        after[static_cast<std::size_t>(i)] = m_document->state(i);
        given[static_cast<std::size_t>(i)] =
            m_document->action(i) != NodeAction::None || m_document->node(i).kind == Kind::Gate;
    }
    const std::vector<std::size_t> guesses = predicted();
    m_score = scorePrediction(before, after, given, guesses);
    m_scene->setMarking(false);
    m_scene->clearSelection();
    m_scene->setHoldStates(false); // fades the answer in, from the blocked nodes outward
    for (std::size_t i : m_score->hits)
        m_scene->setMark(static_cast<int>(i), NodeMark::Hit);
    for (std::size_t i : m_score->partial)
        m_scene->setMark(static_cast<int>(i), NodeMark::Partial);
    for (std::size_t i : m_score->wrong)
        m_scene->setMark(static_cast<int>(i), NodeMark::Wrong);
    for (std::size_t i : m_score->surprises)
        m_scene->setMark(static_cast<int>(i), NodeMark::Surprise);
    if (m_view) {
        m_view->setAnswerHidden(false);
        m_view->setScore(&*m_score);
    }
    if (m_map)
        m_map->focusOnAffected();
    updatePrompt();
    Q_EMIT revealed();
}

void Presenter::updatePrompt()
{
    if (!m_view)
        return;
    if (!m_predicting) {
        m_view->setPrompt(QString());
        return;
    }
    if (isRevealed()) {
        m_view->setPrompt(tr("Space: the next step and the next prediction."));
        return;
    }
    const int marked = static_cast<int>(std::count(m_marked.begin(), m_marked.end(), 1));
    m_view->setPrompt(tr("Predict: what will fail? Click the nodes (or Tab, then M) — %1 marked. Enter reveals.")
                          .arg(marked));
}

// --- the presenter's notes ------------------------------------------------------------------------------

void Presenter::toggleNotes()
{
    if (!m_notes) {
        m_notes = new PresenterNotes(m_document);
    }
    if (m_notes->isVisible()) {
        m_notes->hide();
        return;
    }
    m_notes->placeBeside(m_window);
    refreshNotes();
    m_notes->show();
}

void Presenter::refreshNotes()
{
    if (m_notes)
        m_notes->refresh();
}

} // namespace chokepoint::ui
