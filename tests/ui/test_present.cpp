// Classroom mode (issue 7): timelines stepped forward and back, presentation mode driven from the
// keyboard, predict-then-reveal scored, presenter notes, and timelines recorded by hand.
#include "mainwindow.h"

#include "document/document.h"
#include "engine/evaluator.h"
#include "i18n/language.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "map/nodeitem.h"
#include "present/presentationview.h"
#include "present/presenter.h"
#include "present/presenternotes.h"
#include "present/timelinerecorder.h"
#include "uitestutil.h"

#include <QApplication>
#include <QDockWidget>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <set>

namespace chokepoint::ui {
namespace {

std::vector<State> statesOf(const Document &doc)
{
    std::vector<State> out;
    for (int i = 0; i < doc.nodeCount(); ++i)
        out.push_back(doc.state(i));
    return out;
}

/// The states `chokepoint-cli impact` computes for `actions`: a fresh evaluator, nothing shared.
std::vector<State> impactStates(const Document &doc, const Actions &actions)
{
    Evaluator evaluator(doc.graph());
    evaluator.setActions(doc.model(), actions);
    std::vector<State> out;
    for (int i = 0; i < doc.nodeCount(); ++i)
        out.push_back(evaluator.stateOfNode(static_cast<std::size_t>(i)));
    return out;
}

TEST(Timeline, EveryShippedTimelineStepsForwardMatchingImpactAndBackToItsFirstState)
{
    for (const char *file : {"iphone-russia.json", "starter.json"}) {
        auto doc = test::shippedDocument(file);
        int timelines = 0;
        for (const Scenario &s : doc->model().scenarios) {
            if (s.steps.empty())
                continue;
            ++timelines;
            SCOPED_TRACE(s.id);
            doc->goToStep(0, qstr(s.id));
            ASSERT_EQ(doc->scenarioId(), qstr(s.id));
            ASSERT_EQ(doc->currentStep(), 0);
            const Actions firstActions = doc->actions();
            const std::vector<State> firstStates = statesOf(*doc);
            EXPECT_EQ(firstStates, impactStates(*doc, s.effectiveActions(0)));

            const int count = static_cast<int>(s.steps.size());
            for (int n = 1; n <= count; ++n) {
                ASSERT_TRUE(doc->stepForward()) << "step " << n;
                EXPECT_EQ(doc->currentStep(), n);
                EXPECT_EQ(statesOf(*doc), impactStates(*doc, s.effectiveActions(static_cast<std::size_t>(n))))
                    << "after step " << n;
            }
            EXPECT_FALSE(doc->stepForward()) << "there is no step after the last";
            for (int n = count - 1; n >= 0; --n) {
                ASSERT_TRUE(doc->stepBack());
                EXPECT_EQ(doc->currentStep(), n);
            }
            EXPECT_FALSE(doc->stepBack());
            EXPECT_EQ(doc->actions(), firstActions);
            EXPECT_EQ(statesOf(*doc), firstStates);

            // Each step was one undoable command: undoing them all also returns to the start.
            doc->goToStep(count);
            const int undoable = doc->undoStack()->index();
            EXPECT_EQ(doc->currentStep(), count);
            doc->undoStack()->undo();
            EXPECT_EQ(doc->undoStack()->index(), undoable - 1);
            EXPECT_EQ(doc->currentStep(), 0);
            EXPECT_EQ(statesOf(*doc), firstStates);
        }
        EXPECT_GT(timelines, 0) << file;
    }
}

TEST(Timeline, AnEditByHandLeavesTheTimelineAndUndoReturnsToIt)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    doc->goToStep(1, QStringLiteral("telegram-2018"));
    ASSERT_EQ(doc->currentStep(), 1);
    doc->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    EXPECT_EQ(doc->currentStep(), -1);
    doc->undoStack()->undo();
    EXPECT_EQ(doc->currentStep(), 1);
    // From an edited state, the next step starts the timeline again.
    doc->undoStack()->redo();
    ASSERT_TRUE(doc->stepForward());
    EXPECT_EQ(doc->currentStep(), 0);
}

/// Saves the window when CHOKEPOINT_MAP_SHOTS names a folder (to look at a presentation by eye).
void shot(QWidget *window, const char *name)
{
    const QString dir = qEnvironmentVariable("CHOKEPOINT_MAP_SHOTS");
    if (dir.isEmpty())
        return;
    QApplication::processEvents();
    window->grab().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

class PresentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QStandardPaths::setTestModeEnabled(true);
        window.openShippedModel();
        ASSERT_NE(window.document(), nullptr);
        window.resize(1920, 1080);
        window.show();
        QApplication::setActiveWindow(&window);
        ASSERT_TRUE(QTest::qWaitForWindowActive(&window));
    }

    Document *doc() const { return window.document(); }
    Presenter *presenter() const { return window.presenter(); }
    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, static_cast<Qt::Key>(k), mods);
    }
    int indexOf(const char *id) const { return doc()->indexOf(QString::fromLatin1(id)).value_or(-1); }

    MainWindow window;
};

TEST_F(PresentTest, F5PresentsWithLargeTypeAndTheProjectorPaletteAndEscapeRestoresTheWindow)
{
    doc()->goToStep(0, QStringLiteral("telegram-2018"));
    key(Qt::Key_F5);
    ASSERT_TRUE(presenter()->isPresenting());
    auto *view = qobject_cast<PresentationView *>(window.centralWidget());
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(window.mapView()->parentWidget()->parentWidget(), view) << "the map is in the presentation";
    EXPECT_FALSE(window.menuBar()->isVisible());
    for (QDockWidget *dock : window.findChildren<QDockWidget *>())
        EXPECT_FALSE(dock->isVisible()) << dock->windowTitle().toStdString();
    for (QToolBar *bar : window.findChildren<QToolBar *>())
        EXPECT_FALSE(bar->isVisible());
    EXPECT_EQ(window.mapScene()->palette().background, Palette::projector().background);
    EXPECT_GE(view->bodyPx(), 24);
    EXPECT_EQ(view->titleText(), scenarioTitle(*doc()->scenario()));
    EXPECT_TRUE(view->stepText().contains(QStringLiteral("Step 0 of 4")));

    // The whole story from the keyboard: Space and → forward, ← and Backspace back, End, Home.
    key(Qt::Key_Space);
    EXPECT_EQ(doc()->currentStep(), 1);
    EXPECT_TRUE(view->stepText().contains(QStringLiteral("Step 1 of 4")));
    EXPECT_TRUE(view->stepText().contains(stepTitle(doc()->scenario()->steps[0])));
    key(Qt::Key_Right);
    EXPECT_EQ(doc()->currentStep(), 2);
    key(Qt::Key_Left);
    EXPECT_EQ(doc()->currentStep(), 1);
    key(Qt::Key_Backspace);
    EXPECT_EQ(doc()->currentStep(), 0);
    key(Qt::Key_End);
    EXPECT_EQ(doc()->currentStep(), 4);
    key(Qt::Key_Home);
    EXPECT_EQ(doc()->currentStep(), 0);
    key(Qt::Key_PageDown);
    EXPECT_NE(doc()->scenarioId(), QStringLiteral("telegram-2018"));
    EXPECT_EQ(doc()->currentStep(), 0);
    key(Qt::Key_PageUp);
    EXPECT_EQ(doc()->scenarioId(), QStringLiteral("telegram-2018"));

    key(Qt::Key_Escape);
    EXPECT_FALSE(presenter()->isPresenting());
    EXPECT_EQ(window.centralWidget(), window.mapView());
    EXPECT_TRUE(window.menuBar()->isVisible());
    EXPECT_EQ(window.mapScene()->palette().background, Palette::screen().background);
    EXPECT_FALSE(window.mapScene()->animatesChanges());
}

TEST_F(PresentTest, PredictThenRevealScoresAKnownPrediction)
{
    // FaceTime 2025, one step: the relay servers are blocked; the call functions fail.
    doc()->goToStep(0, QStringLiteral("facetime-2025"));
    const std::vector<State> before = statesOf(*doc());
    const std::vector<State> after = impactStates(*doc(), doc()->scenario()->effectiveActions(1));
    std::set<std::string> blocked;
    for (const Action &a : doc()->scenario()->effectiveActions(1))
        blocked.insert(a.node);
    std::set<int> failing; // what the class could be surprised by: not blocked itself, not a gate
    for (int i = 0; i < doc()->nodeCount(); ++i) {
        const bool given = doc()->node(i).kind == Kind::Gate || blocked.count(doc()->node(i).id);
        if (!given && before[static_cast<std::size_t>(i)] != State::Failed && after[static_cast<std::size_t>(i)] == State::Failed)
            failing.insert(i);
    }
    const int call = indexOf("facetime-call");
    const int imessage = indexOf("imessage-text");
    ASSERT_GE(call, 0);
    ASSERT_GE(imessage, 0);
    ASSERT_TRUE(failing.count(call)) << "FaceTime calls fail in this scenario";
    ASSERT_FALSE(failing.count(imessage)) << "iMessage does not";

    presenter()->enter(false);
    key(Qt::Key_P);
    ASSERT_TRUE(presenter()->isPredicting());
    MapScene *scene = window.mapScene();
    EXPECT_TRUE(scene->isMarking());
    presenter()->toggleMark(call);     // a hit
    presenter()->toggleMark(imessage); // wrong: it keeps working
    EXPECT_EQ(scene->mark(call), NodeMark::Predicted);
    EXPECT_EQ(presenter()->predicted().size(), 2u);

    key(Qt::Key_Space); // the step is applied, the answer held back
    EXPECT_EQ(doc()->currentStep(), 1);
    EXPECT_EQ(scene->shownStates(), before) << "the map must not give the answer away";
    auto *view = qobject_cast<PresentationView *>(window.centralWidget());
    ASSERT_NE(view, nullptr);
    EXPECT_TRUE(view->figuresText().contains(QLatin1Char('?')));
    shot(&window, "present-predict");

    key(Qt::Key_Return);
    ASSERT_TRUE(presenter()->isRevealed());
    const PredictionScore &score = *presenter()->score();
    EXPECT_EQ(score.hits, (std::vector<std::size_t>{static_cast<std::size_t>(call)}));
    EXPECT_EQ(score.wrong, (std::vector<std::size_t>{static_cast<std::size_t>(imessage)}));
    std::set<int> surprises(score.surprises.begin(), score.surprises.end());
    std::set<int> expected = failing;
    expected.erase(call);
    EXPECT_EQ(surprises, expected);
    EXPECT_EQ(scene->shownStates(), statesOf(*doc()));
    EXPECT_EQ(scene->mark(call), NodeMark::Hit);
    EXPECT_EQ(scene->mark(imessage), NodeMark::Wrong);
    for (int s : expected)
        EXPECT_EQ(scene->mark(s), NodeMark::Surprise) << doc()->node(s).id;
    EXPECT_FALSE(view->figuresText().contains(QLatin1Char('?')));
    window.mapScene()->finishAnimation();
    shot(&window, "present-reveal");

    // Back to the start: the round closes and a new one opens on the first state.
    key(Qt::Key_Home);
    EXPECT_EQ(doc()->currentStep(), 0);
    EXPECT_FALSE(presenter()->isRevealed());
    EXPECT_EQ(scene->mark(call), NodeMark::None);
    key(Qt::Key_P);
    EXPECT_FALSE(presenter()->isPredicting());
    EXPECT_FALSE(scene->holdsStates());
    EXPECT_EQ(scene->shownStates(), statesOf(*doc()));
}

TEST_F(PresentTest, TheKeyboardAloneMarksGuessesAndAClickOnTheMapDoesToo)
{
    doc()->goToStep(0, QStringLiteral("facetime-2025"));
    presenter()->enter(false);
    key(Qt::Key_P);
    key(Qt::Key_Tab);
    const int first = window.mapScene()->selectedNode();
    ASSERT_GE(first, 0);
    key(Qt::Key_M);
    EXPECT_EQ(window.mapScene()->mark(first), NodeMark::Predicted);
    key(Qt::Key_M);
    EXPECT_EQ(window.mapScene()->mark(first), NodeMark::None);
    key(Qt::Key_Tab);
    EXPECT_NE(window.mapScene()->selectedNode(), first);

    // A click on a node marks it instead of selecting it.
    const int call = indexOf("facetime-call");
    window.mapView()->centerOnNode(call);
    window.mapScene()->clearSelection();
    NodeItem *item = window.mapScene()->nodeItem(call);
    ASSERT_NE(item, nullptr);
    const QPoint at = window.mapView()->mapFromScene(item->pos());
    QTest::mouseClick(window.mapView()->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    EXPECT_EQ(window.mapScene()->mark(call), NodeMark::Predicted);
}

TEST_F(PresentTest, TheMapFadesChangesInFromTheBlockedNodeOutward)
{
    doc()->goToStep(0, QStringLiteral("facetime-2025"));
    presenter()->enter(false);
    key(Qt::Key_Space);
    MapScene *scene = window.mapScene();
    ASSERT_TRUE(scene->isAnimating());
    const NodeItem *blocked = scene->nodeItem(indexOf("facetime-relay"));
    const NodeItem *call = scene->nodeItem(indexOf("facetime-call"));
    ASSERT_NE(call, nullptr);
    EXPECT_EQ(call->state(), State::Failed) << "the item knows its state at once; only the drawing lags";
    if (blocked) {
        EXPECT_GE(blocked->fade(), call->fade());
    }
    EXPECT_LT(call->fade(), 1.0);
    scene->finishAnimation();
    EXPECT_EQ(call->fade(), 1.0);
}

TEST_F(PresentTest, PresenterNotesShowTheStepsNotesAndWhatComesNext)
{
    doc()->goToStep(0, QStringLiteral("facetime-2025"));
    presenter()->enter(false);
    key(Qt::Key_N);
    QList<PresenterNotes *> notes;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (auto *p = qobject_cast<PresenterNotes *>(w); p && p->isVisible())
            notes << p;
    }
    ASSERT_EQ(notes.size(), 1);
    PresenterNotes *n = notes.first();
    EXPECT_TRUE(n->isVisible());
    const Step &step = doc()->scenario()->steps[0];
    EXPECT_TRUE(n->plainText().contains(stepTitle(step))) << "the next step is named";
    key(Qt::Key_Space);
    EXPECT_TRUE(n->plainText().contains(stepNotes(step))) << n->plainText().toStdString();
    key(Qt::Key_Escape);
    EXPECT_FALSE(n->isVisible());
}

TEST(PresenterNotesEdit, NotesAreWrittenPerStepAndLanguageUndoablyAndShown)
{
    auto doc = test::shippedDocument("iphone-russia.json");
    const QString id = QStringLiteral("telegram-2018");
    doc->goToStep(2, id);
    PresenterNotes notes(doc.get());
    const int undo = doc->undoStack()->index();

    doc->setStepNotes(id, 2, QStringLiteral("Ask the class which clouds Telegram used."));
    EXPECT_EQ(doc->undoStack()->index(), undo + 1);
    EXPECT_EQ(doc->model().scenario("telegram-2018")->steps[1].notes, "Ask the class which clouds Telegram used.");
    EXPECT_TRUE(notes.plainText().contains(QStringLiteral("Ask the class which clouds Telegram used.")));

    // In Russian the notes go to the step's i18n entry; the English ones stay.
    setModelTextLanguage(Language::Russian);
    doc->setStepNotes(id, 2, QStringLiteral("Спросите класс, какими облаками пользовался Telegram."));
    setModelTextLanguage(Language::English);
    const Step &step = doc->model().scenario("telegram-2018")->steps[1];
    EXPECT_EQ(step.notes, "Ask the class which clouds Telegram used.");
    EXPECT_EQ(step.i18n["ru"]["notes"], "Спросите класс, какими облаками пользовался Telegram.");

    doc->undoStack()->undo();
    doc->undoStack()->undo();
    EXPECT_TRUE(doc->model().scenario("telegram-2018")->steps[1].notes.empty());
    EXPECT_FALSE(doc->model().scenario("telegram-2018")->steps[1].i18n["ru"].contains("notes"));
    EXPECT_FALSE(notes.plainText().contains(QStringLiteral("Ask the class")));
}

TEST_F(PresentTest, ARecordedTimelineBecomesAScenarioThatStepsLikeTheShippedOnes)
{
    doc()->clearActions();
    window.recorder()->start();
    doc()->setNodeAction(QStringLiteral("facetime-relay"), NodeAction::Block);
    doc()->setNodeAction(QStringLiteral("tcp-5223"), NodeAction::Block);
    doc()->undoStack()->undo(); // taken back: not a step
    doc()->setNodeAction(QStringLiteral("ids"), NodeAction::Block);
    EXPECT_EQ(window.recorder()->stepCount(), 2);
    const std::vector<State> recordedEnd = statesOf(*doc());
    const std::size_t scenariosBefore = doc()->model().scenarios.size();

    ASSERT_TRUE(window.finishRecording(QStringLiteral("My lesson")));
    ASSERT_EQ(doc()->model().scenarios.size(), scenariosBefore + 1);
    const Scenario &s = doc()->model().scenarios.back();
    EXPECT_EQ(s.title, "My lesson");
    ASSERT_EQ(s.steps.size(), 2u);
    EXPECT_EQ(s.steps[0].actions.front().node, "facetime-relay");
    EXPECT_EQ(s.steps[1].actions.front().node, "ids");
    EXPECT_FALSE(s.steps[0].title.empty());
    EXPECT_EQ(doc()->scenarioId(), qstr(s.id));
    EXPECT_EQ(doc()->currentStep(), 2);
    EXPECT_EQ(statesOf(*doc()), recordedEnd);

    doc()->goToStep(0);
    EXPECT_TRUE(doc()->actions().empty());
    ASSERT_TRUE(doc()->stepForward());
    EXPECT_EQ(statesOf(*doc()), impactStates(*doc(), s.effectiveActions(1)));

    // Recording the scenario is undoable like any edit.
    while (doc()->model().scenarios.size() > scenariosBefore && doc()->undoStack()->canUndo())
        doc()->undoStack()->undo();
    EXPECT_EQ(doc()->model().scenarios.size(), scenariosBefore);
}

TEST_F(PresentTest, NothingRecordedAddsNoScenario)
{
    const std::size_t before = doc()->model().scenarios.size();
    window.recorder()->start();
    EXPECT_FALSE(window.finishRecording(QStringLiteral("Empty")));
    EXPECT_EQ(doc()->model().scenarios.size(), before);
}

} // namespace
} // namespace chokepoint::ui
