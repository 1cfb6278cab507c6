#pragma once

#include "engine/prediction.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <vector>

class QMainWindow;

namespace chokepoint::ui {

class Document;
class MapScene;
class MapView;
class PresentationView;
class PresenterNotes;

/**
 * Classroom mode (issue 7): presentation, stepping through a timeline, predict-then-reveal and
 * the presenter's notes. The window owns one; its menu actions call the slots below, so every
 * part of a presentation can be driven from the keyboard alone.
 *
 * Entering hides the toolbar, menus, docks and status line, puts a PresentationView (the map,
 * the caption, the figures, one chart) in the middle, switches map and charts to the projector
 * palette and turns on the map's fades; leaving puts everything back as it was.
 *
 * Predict-then-reveal: while a prediction is open the map holds back state changes (it keeps
 * showing the states from before), the figures are hidden, and a click (or Tab and M) marks a
 * node "will fail". Reveal shows the states, fading in from the blocked nodes outward, with each
 * mark scored (core/engine/prediction.h) and the surprises ringed. The next step opens the next
 * prediction. Stepping works outside presentation mode too.
 */
class Presenter : public QObject
{
    Q_OBJECT

public:
    Presenter(QMainWindow *window, QObject *parent = nullptr);
    ~Presenter() override;

    /// The document and map the presentation works on (the window's current ones); call again
    /// after the window opens another document (a presentation in progress ends first).
    void setTargets(Document *document, MapScene *scene, MapView *view);

    bool isPresenting() const { return m_view != nullptr; }
    PresentationView *view() const { return m_view; }
    bool isPredicting() const { return m_predicting; }
    /// True between a reveal and the next step.
    bool isRevealed() const { return m_score.has_value(); }
    const std::optional<PredictionScore> &score() const { return m_score; }
    /// The nodes marked "will fail" in the open prediction, by node index.
    std::vector<std::size_t> predicted() const;

public Q_SLOTS:
    /// Enters presentation mode, full screen unless `fullScreen` is false (screenshots, tests).
    void enter(bool fullScreen = true);
    void leave();
    void toggle() { isPresenting() ? leave() : enter(); }

    /// The next step of the scenario's timeline (opening a new prediction when predicting).
    void next();
    void back();
    void toStart();
    void toEnd();
    /// The next (+1) or previous (-1) scenario that has a timeline, at its start.
    void switchScenario(int delta);

    void setPredicting(bool on);
    /// Marks node `index` "will fail", or takes the mark off.
    void toggleMark(int index);
    /// Keyboard marking: moves the selection to the next (+1) or previous (-1) node that can be
    /// marked, top to bottom and left to right.
    void moveMarkCursor(int delta);
    /// Marks or unmarks the node the keyboard cursor is on.
    void toggleMarkAtCursor();
    void reveal();

    void toggleNotes();

Q_SIGNALS:
    void presentingChanged(bool presenting);
    void predictingChanged(bool predicting);
    /// After a reveal, with the score shown.
    void revealed();

private:
    /// Moves along the timeline with `move`, keeping or renewing the prediction round, then frames
    /// the map and updates the notes.
    void moveOnTimeline(bool forward, const std::function<void()> &move);
    /// Opens a prediction round on the states shown now.
    void openRound();
    /// Ends the round: shows held states, clears marks.
    void closeRound();
    bool canMark(int index) const;
    void updatePrompt();
    void refreshNotes();

    QMainWindow *m_window;
    QPointer<Document> m_document;
    QPointer<MapScene> m_scene;
    QPointer<MapView> m_map;
    PresentationView *m_view = nullptr;
    PresenterNotes *m_notes = nullptr;

    QByteArray m_savedState;
    bool m_wasFullScreen = false;
    bool m_wasMaximized = false;
    bool m_menuBarWasVisible = true;
    bool m_statusBarWasVisible = true;

    bool m_predicting = false;
    std::vector<char> m_marked;
    std::optional<PredictionScore> m_score;
    int m_cursor = -1;
};

} // namespace chokepoint::ui
