#include "document/document.h"

#include "commands/addscenariocommand.h"
#include "commands/foldgroupcommand.h"
#include "commands/movenodecommand.h"
#include "commands/replaceactionscommand.h"
#include "commands/setnodeactioncommand.h"
#include "commands/setstepnotescommand.h"
#include "i18n/language.h"
#include "io/modelfile.h"

#include <QFileInfo>
#include <QUndoStack>

namespace chokepoint::ui {

Document::Document(DocumentData data, QString filePath, QObject *parent)
    : QObject(parent), m_data(std::move(data)), m_filePath(std::move(filePath)), m_undoStack(new QUndoStack(this))
{
    m_data.model.reindex();
    m_graph = std::make_unique<Graph>(m_data.model);
    m_evaluator = std::make_unique<Evaluator>(*m_graph);
    if (!m_data.model.info.defaultScenario.empty() && m_data.model.scenario(m_data.model.info.defaultScenario)) {
        m_scenarioId = qstr(m_data.model.info.defaultScenario);
        m_evaluator->setActions(m_data.model, scenario()->effectiveActions());
    }
    recomputeImpact();
    connect(m_undoStack, &QUndoStack::cleanChanged, this, &Document::cleanChanged);
}

Document::~Document() = default;

std::unique_ptr<Document> Document::load(const QString &path, QObject *parent)
{
    DocumentData data = loadModelFile(sstr(path));
    // Only a .chokepoint file is saved back to where it came from; other formats are imports.
    const bool native = formatOf(sstr(path)) == FileFormat::Document;
    return std::make_unique<Document>(std::move(data), native ? path : QString(), parent);
}

void Document::save(const QString &path)
{
    saveModelFile(m_data, sstr(path));
    if (formatOf(sstr(path)) == FileFormat::Document)
        m_filePath = path;
    m_undoStack->setClean();
}

QString Document::displayName() const
{
    if (!m_filePath.isEmpty())
        return QFileInfo(m_filePath).fileName();
    return m_data.model.info.title.empty() ? tr("Untitled") : modelTitle(m_data.model.info);
}

std::optional<int> Document::indexOf(const QString &id) const
{
    const auto i = m_data.model.indexOf(sstr(id));
    if (!i)
        return std::nullopt;
    return static_cast<int>(*i);
}

std::uint8_t Document::flags(int index) const
{
    return m_evaluator->flags(m_graph->vertexOf(static_cast<std::size_t>(index)));
}

NodeAction Document::action(int index) const
{
    const std::uint8_t f = flags(index);
    if (f & kBlocked)
        return NodeAction::Block;
    if (f & kThrottled)
        return NodeAction::Throttle;
    if (f & kEnabled)
        return NodeAction::Enable;
    return NodeAction::None;
}

Actions Document::actionsFromFlags(const std::vector<std::uint8_t> &byNode) const
{
    Actions out;
    for (std::size_t i = 0; i < byNode.size(); ++i) {
        const std::string &id = m_data.model.nodes[i].id;
        if (byNode[i] & kBlocked)
            out.push_back(Action{id, ActionType::Block, Json::object()});
        if (byNode[i] & kThrottled)
            out.push_back(Action{id, ActionType::Throttle, Json::object()});
        if (byNode[i] & kEnabled)
            out.push_back(Action{id, ActionType::Enable, Json::object()});
    }
    return out;
}

std::vector<std::uint8_t> Document::flagsByNode(const Actions &next) const
{
    const auto byVertex = flagsFor(m_data.model, *m_graph, next);
    std::vector<std::uint8_t> byNode(byVertex.size());
    for (std::size_t i = 0; i < byNode.size(); ++i)
        byNode[i] = byVertex[m_graph->vertexOf(i)];
    return byNode;
}

Actions Document::actions() const
{
    std::vector<std::uint8_t> byNode(m_data.model.nodes.size());
    for (std::size_t i = 0; i < byNode.size(); ++i)
        byNode[i] = flags(static_cast<int>(i));
    return actionsFromFlags(byNode);
}

const Scenario *Document::scenario() const
{
    return m_scenarioId.isEmpty() ? nullptr : m_data.model.scenario(sstr(m_scenarioId));
}

std::optional<NodePosition> Document::position(const QString &id) const
{
    auto it = m_data.positions.find(sstr(id));
    if (it == m_data.positions.end())
        return std::nullopt;
    return it->second;
}

QString Document::viewSetting(const QString &key) const
{
    auto it = m_data.viewSettings.find(sstr(key));
    return it == m_data.viewSettings.end() ? QString() : qstr(it->second);
}

// --- the timeline ---

int Document::stepCount() const
{
    const Scenario *s = scenario();
    return s ? static_cast<int>(s->steps.size()) : 0;
}

int Document::currentStep() const
{
    if (m_step)
        return *m_step;
    m_step = -1;
    const Scenario *s = scenario();
    if (s && m_storedStep >= 0 && m_storedStep <= static_cast<int>(s->steps.size()) &&
        actionsFromFlags(flagsByNode(s->effectiveActions(static_cast<std::size_t>(m_storedStep)))) == actions())
        m_step = m_storedStep;
    return *m_step;
}

void Document::goToStep(int n, const QString &scenarioId)
{
    const QString id = scenarioId.isEmpty() ? m_scenarioId : scenarioId;
    const Scenario *s = m_data.model.scenario(sstr(id));
    if (!s || n < 0 || n > static_cast<int>(s->steps.size()))
        return;
    const std::string sid = s->id;
    CommandText text = [this, sid, n] {
        const Scenario *sc = m_data.model.scenario(sid);
        if (!sc || n > static_cast<int>(sc->steps.size()))
            return tr("Go to step %1").arg(n);
        if (n == 0)
            return tr("Start of “%1”").arg(scenarioTitle(*sc));
        return tr("Step %1 of %2: %3")
            .arg(n)
            .arg(sc->steps.size())
            .arg(stepTitle(sc->steps[static_cast<std::size_t>(n - 1)]));
    };
    applyActions(s->effectiveActions(static_cast<std::size_t>(n)), id, std::move(text), n);
}

bool Document::stepForward()
{
    const int count = stepCount();
    const int step = currentStep();
    if (count == 0 || step >= count)
        return false;
    goToStep(step < 0 ? 0 : step + 1);
    return true;
}

bool Document::stepBack()
{
    const int step = currentStep();
    if (step <= 0)
        return false;
    goToStep(step - 1);
    return true;
}

// --- edits ---

void Document::setNodeAction(const QString &nodeId, NodeAction action)
{
    const auto index = indexOf(nodeId);
    if (!index)
        return;
    const Node &n = node(*index);
    const std::uint8_t next = action == NodeAction::Throttle ? kThrottled
                              : action == NodeAction::Block  ? kBlocked
                              : action == NodeAction::Enable ? kEnabled
                                                             : 0;
    const bool allowed = action == NodeAction::None || (action == NodeAction::Enable ? n.kind == Kind::Countermeasure : n.blockable);
    if (!allowed || next == flags(*index))
        return;
    auto text = [this, nodeId, action] {
        const auto i = indexOf(nodeId);
        const QString name = i ? nodeName(node(*i)) : nodeId;
        switch (action) {
        case NodeAction::Throttle:
            return tr("Throttle %1").arg(name);
        case NodeAction::Block:
            return tr("Block %1").arg(name);
        case NodeAction::Enable:
            return tr("Enable %1").arg(name);
        case NodeAction::None:
            break;
        }
        return tr("Lift actions on %1").arg(name);
    };
    m_undoStack->push(new SetNodeActionCommand(this, nodeId, next, text));
}

void Document::applyScenario(const QString &scenarioId)
{
    Actions next;
    if (!scenarioId.isEmpty()) {
        const Scenario *s = m_data.model.scenario(sstr(scenarioId));
        if (!s)
            return;
        next = s->effectiveActions();
    }
    const Scenario *s = scenarioId.isEmpty() ? nullptr : m_data.model.scenario(sstr(scenarioId));
    const int step = s && !s->steps.empty() ? static_cast<int>(s->steps.size()) : -1;
    applyActions(next, scenarioId, [this, scenarioId] {
        const Scenario *sc = m_data.model.scenario(sstr(scenarioId));
        if (scenarioId.isEmpty())
            return tr("Apply no scenario");
        return tr("Apply %1").arg(sc ? scenarioTitle(*sc) : scenarioId);
    }, step);
}

void Document::applyActions(const Actions &next, const QString &scenarioId, const QString &description, int step)
{
    applyActions(next, scenarioId, [description] { return description; }, step);
}

void Document::applyActions(const Actions &next, const QString &scenarioId, CommandText description, int step)
{
    if (actionsFromFlags(flagsByNode(next)) == actions() && scenarioId == m_scenarioId && step == currentStep())
        return;
    m_undoStack->push(new ReplaceActionsCommand(this, next, scenarioId, step, std::move(description)));
}

void Document::addScenario(const Scenario &scenario)
{
    if (scenario.id.empty() || m_data.model.scenario(scenario.id))
        return;
    const std::string id = scenario.id;
    m_undoStack->push(new AddScenarioCommand(this, scenario, [this, id] {
        const Scenario *s = m_data.model.scenario(id);
        return tr("Record “%1”").arg(s ? scenarioTitle(*s) : qstr(id));
    }));
}

void Document::setStepNotes(const QString &scenarioId, int step, const QString &notes)
{
    const Scenario *s = m_data.model.scenario(sstr(scenarioId));
    if (!s || step < 1 || step > static_cast<int>(s->steps.size()))
        return;
    const Step &st = s->steps[static_cast<std::size_t>(step - 1)];
    const QString language = languageCode(currentLanguage());
    // The field as written for this language, not what is shown (which falls back to English).
    QString before = qstr(st.notes);
    if (language != QLatin1String("en")) {
        const auto entry = st.i18n.find(sstr(language));
        const bool has = entry != st.i18n.end() && entry->is_object() && entry->contains("notes") &&
                         (*entry)["notes"].is_string();
        before = has ? qstr((*entry)["notes"].get<std::string>()) : QString();
    }
    if (before == notes)
        return;
    const std::string sid = s->id;
    m_undoStack->push(new SetStepNotesCommand(this, scenarioId, step - 1, language, before, notes, [this, sid, step] {
        const Scenario *sc = m_data.model.scenario(sid);
        return tr("Notes for step %1 of “%2”").arg(step).arg(sc ? scenarioTitle(*sc) : qstr(sid));
    }));
}

void Document::clearActions()
{
    applyActions({}, QString(), [] { return tr("Clear all actions"); });
}

void Document::moveNode(const QString &nodeId, const NodePosition &from, const NodePosition &to)
{
    if (from == to || !indexOf(nodeId))
        return;
    m_undoStack->push(new MoveNodeCommand(this, nodeId, from, to));
}

void Document::foldGroup(const QString &key, bool wasFolded, bool folded)
{
    if (wasFolded == folded)
        return;
    m_undoStack->push(new FoldGroupCommand(this, key, wasFolded, folded));
}

void Document::retranslate()
{
    // QUndoStack hands its commands out const; their text is no part of what undo restores.
    for (int i = 0; i < m_undoStack->count(); ++i) {
        if (const auto *command = dynamic_cast<const Command *>(m_undoStack->command(i)))
            const_cast<Command *>(command)->retranslate();
    }
}

// --- applied by commands ---

void Document::insertScenarioNow(const Scenario &scenario)
{
    m_data.model.scenarios.push_back(scenario);
    m_step.reset();
    Q_EMIT scenariosChanged();
}

void Document::setStepNotesNow(const QString &scenarioId, int stepIndex, const QString &language, const QString &notes)
{
    for (Scenario &s : m_data.model.scenarios) {
        if (qstr(s.id) != scenarioId || stepIndex < 0 || stepIndex >= static_cast<int>(s.steps.size()))
            continue;
        Step &st = s.steps[static_cast<std::size_t>(stepIndex)];
        if (language == QLatin1String("en")) {
            st.notes = sstr(notes);
        } else {
            Json &entry = st.i18n[sstr(language)];
            if (!entry.is_object())
                entry = Json::object();
            if (notes.isEmpty())
                entry.erase("notes");
            else
                entry["notes"] = sstr(notes);
            if (entry.empty())
                st.i18n.erase(sstr(language));
        }
        Q_EMIT stepNotesChanged(scenarioId);
        return;
    }
}

void Document::removeScenarioNow(const QString &scenarioId)
{
    auto &list = m_data.model.scenarios;
    const auto it = std::find_if(list.begin(), list.end(), [&](const Scenario &s) { return qstr(s.id) == scenarioId; });
    if (it == list.end())
        return;
    list.erase(it);
    m_step.reset();
    Q_EMIT scenariosChanged();
}

void Document::setFlagsNow(int index, std::uint8_t newFlags)
{
    m_step.reset();
    const Vertex v = m_graph->vertexOf(static_cast<std::size_t>(index));
    const auto changed = m_evaluator->setFlags(v, newFlags);
    QVector<int> nodes;
    nodes.reserve(static_cast<int>(changed.size()));
    for (Vertex c : changed)
        nodes.push_back(static_cast<int>(m_graph->nodeOf(c)));
    Q_EMIT actionsChanged({index});
    recomputeImpact();
    if (!nodes.isEmpty())
        Q_EMIT statesChanged(nodes);
    Q_EMIT impactChanged();
}

void Document::setActionsNow(const Actions &next, const QString &scenarioId, int step)
{
    m_storedStep = step;
    const std::size_t n = m_data.model.nodes.size();
    std::vector<std::uint8_t> beforeStates(n), beforeFlags(n);
    for (std::size_t i = 0; i < n; ++i) {
        beforeStates[i] = static_cast<std::uint8_t>(state(static_cast<int>(i)));
        beforeFlags[i] = flags(static_cast<int>(i));
    }
    m_evaluator->setActions(m_data.model, next);
    m_step.reset();
    const bool scenarioSwitched = scenarioId != m_scenarioId;
    m_scenarioId = scenarioId;
    QVector<int> states, acts;
    for (std::size_t i = 0; i < n; ++i) {
        if (beforeStates[i] != static_cast<std::uint8_t>(state(static_cast<int>(i))))
            states.push_back(static_cast<int>(i));
        if (beforeFlags[i] != flags(static_cast<int>(i)))
            acts.push_back(static_cast<int>(i));
    }
    recomputeImpact();
    if (scenarioSwitched)
        Q_EMIT scenarioChanged(m_scenarioId);
    if (!acts.isEmpty())
        Q_EMIT actionsChanged(acts);
    if (!states.isEmpty())
        Q_EMIT statesChanged(states);
    Q_EMIT impactChanged();
}

void Document::setPositionNow(const QString &nodeId, const NodePosition &position)
{
    m_data.positions[sstr(nodeId)] = position;
    if (const auto index = indexOf(nodeId))
        Q_EMIT positionChanged(*index);
}

void Document::setGroupFoldedNow(const QString &key, bool folded)
{
    Q_EMIT groupFoldChanged(key, folded);
}

void Document::setLayout(const std::map<std::string, NodePosition> &positions)
{
    for (const auto &[id, pos] : positions) {
        auto it = m_data.positions.find(id);
        if (it == m_data.positions.end() || !it->second.pinned)
            m_data.positions[id] = pos;
    }
}

void Document::setViewSetting(const QString &key, const QString &value)
{
    m_data.viewSettings[sstr(key)] = sstr(value);
}

void Document::recomputeImpact()
{
    const Scenario *s = scenario();
    static const std::vector<std::string> kNone;
    m_impact = computeImpact(m_data.model, *m_evaluator, s ? s->targets : kNone);
}

} // namespace chokepoint::ui
