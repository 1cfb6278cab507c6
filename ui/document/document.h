#pragma once

#include "commands/command.h"
#include "engine/evaluator.h"
#include "engine/impact.h"
#include "io/documentfile.h"

#include <QObject>
#include <QPointF>
#include <QString>
#include <QVector>
#include <memory>
#include <optional>

class QUndoStack;

namespace chokepoint::ui {

/// What the user has put on one node, as the blocks panel shows it.
enum class NodeAction { None, Throttle, Block, Enable };

/**
 * The open document: the model, the actions in force and the undo stack. It is the only way the
 * UI changes anything (STYLE.md 4): every user edit goes through a method here that pushes one
 * QUndoCommand holding node ids. After each change the engine's result is brought up to date and
 * the typed signals below say exactly what changed, so views update only those items.
 */
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(DocumentData data, QString filePath = {}, QObject *parent = nullptr);
    ~Document() override;

    /// Loads a .chokepoint, .json or MEF .xml file; throws InputError and changes nothing on failure.
    static std::unique_ptr<Document> load(const QString &path, QObject *parent = nullptr);
    /// Saves atomically to `path` (.chokepoint or .json) and marks the document clean.
    void save(const QString &path);

    const Model &model() const { return m_data.model; }
    const DocumentData &data() const { return m_data; }
    const Graph &graph() const { return *m_graph; }
    const Evaluator &evaluator() const { return *m_evaluator; }
    QUndoStack *undoStack() const { return m_undoStack; }
    QString filePath() const { return m_filePath; }
    /// The name shown in the title bar.
    QString displayName() const;

    int nodeCount() const { return static_cast<int>(m_data.model.nodes.size()); }
    const Node &node(int index) const { return m_data.model.nodes[static_cast<std::size_t>(index)]; }
    std::optional<int> indexOf(const QString &id) const;
    State state(int index) const { return m_evaluator->stateOfNode(static_cast<std::size_t>(index)); }
    std::uint8_t flags(int index) const;
    NodeAction action(int index) const;
    /// The actions in force, in node order.
    Actions actions() const;
    /// The scenario the actions came from ("" when none or after the user changed them).
    QString scenarioId() const { return m_scenarioId; }
    const Scenario *scenario() const;

    // --- the scenario's timeline (DESIGN.md §4 "steps") ---
    /// How many steps the current scenario has (0 when none, or no scenario).
    int stepCount() const;
    /**
     * Where the actions in force stand on the current scenario's timeline: the step the last
     * timeline command went to (0: the scenario's own actions only) while the actions are still
     * exactly that step's; -1 once they were changed by hand (undoing the change brings the step
     * back), or when there is no timeline. A scenario applied whole is at its last step. Steps
     * that only tell the story (no actions) count: stepping goes through them one by one.
     */
    int currentStep() const;
    /// The step as the last timeline command left it, whether or not the actions still match.
    int storedStep() const { return m_storedStep; }
    /// Applies the current (or named) scenario up to step `n` (0: its own actions only), as one
    /// undoable command. Nothing happens when n is out of range or already in force.
    void goToStep(int n, const QString &scenarioId = {});
    /// The next step (from the start when the actions match no step); false at the last step.
    bool stepForward();
    /// Takes the last step back; false at the start.
    bool stepBack();
    /// Figures for the current actions against the scenario's targets.
    const Impact &impact() const { return m_impact; }
    std::optional<NodePosition> position(const QString &id) const;
    QString viewSetting(const QString &key) const;

    // --- edits: each pushes one undoable command (and nothing when it would change nothing) ---
    void setNodeAction(const QString &nodeId, NodeAction action);
    void applyScenario(const QString &scenarioId);
    /// Adds a scenario (a timeline the user recorded), as one undoable command; its id must be new.
    void addScenario(const Scenario &scenario);
    /// Writes the presenter's notes of step `step` (1 for the first) of scenario `scenarioId` in
    /// the interface's current language, as one undoable command.
    void setStepNotes(const QString &scenarioId, int step, const QString &notes);
    /// Replaces every action (a cut set from "How would they block…?", a scenario's steps).
    void applyActions(const Actions &actions, const QString &scenarioId, const QString &description, int step = -1);
    /// The same, with a description told again when the interface's language changes.
    void applyActions(const Actions &actions, const QString &scenarioId, CommandText description, int step = -1);
    void clearActions();
    void moveNode(const QString &nodeId, const NodePosition &from, const NodePosition &to);
    /// Folds (or unfolds) the map's group `key`; `wasFolded` is how the map shows it now.
    void foldGroup(const QString &key, bool wasFolded, bool folded);

    /// Names every step of the undo history again in the interface's language.
    void retranslate();

    // --- used by the undo commands only ---
    void setFlagsNow(int index, std::uint8_t flags);
    void setActionsNow(const Actions &actions, const QString &scenarioId, int step);
    void setPositionNow(const QString &nodeId, const NodePosition &position);
    void setGroupFoldedNow(const QString &key, bool folded);
    void insertScenarioNow(const Scenario &scenario);
    void removeScenarioNow(const QString &scenarioId);
    /// `language` "en" writes the step's own notes, any other code its i18n entry.
    void setStepNotesNow(const QString &scenarioId, int stepIndex, const QString &language, const QString &notes);
    /// Stores positions computed by a layout (not an edit: nothing is pushed).
    void setLayout(const std::map<std::string, NodePosition> &positions);
    void setViewSetting(const QString &key, const QString &value);

Q_SIGNALS:
    /// Nodes (model indices) whose state changed.
    void statesChanged(const QVector<int> &nodes);
    /// Nodes whose own action (block, throttle, enable) changed.
    void actionsChanged(const QVector<int> &nodes);
    void scenarioChanged(const QString &scenarioId);
    /// The model's list of scenarios changed (one was added or removed).
    void scenariosChanged();
    /// The presenter's notes of a step of `scenarioId` changed.
    void stepNotesChanged(const QString &scenarioId);
    void positionChanged(int node);
    /// A group of the map was folded or unfolded by an edit (or its undo).
    void groupFoldChanged(const QString &key, bool folded);
    /// Any change of the derived figures (after every batch of state changes).
    void impactChanged();
    void cleanChanged(bool clean);

private:
    void recomputeImpact();
    Actions actionsFromFlags(const std::vector<std::uint8_t> &flags) const;
    /// The flags `actions` put on each node, by node index.
    std::vector<std::uint8_t> flagsByNode(const Actions &actions) const;

    DocumentData m_data;
    QString m_filePath;
    std::unique_ptr<Graph> m_graph;
    std::unique_ptr<Evaluator> m_evaluator;
    QUndoStack *m_undoStack;
    QString m_scenarioId;
    Impact m_impact;
    int m_storedStep = -1;
    mutable std::optional<int> m_step; ///< currentStep(), cached until the actions change
};

/// Conversions at the core/ui boundary: core strings are UTF-8.
inline QString qstr(const std::string &s) { return QString::fromStdString(s); }
inline std::string sstr(const QString &s) { return s.toStdString(); }

} // namespace chokepoint::ui
