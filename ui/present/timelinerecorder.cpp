#include "present/timelinerecorder.h"

#include "document/document.h"

#include <QDate>
#include <QUndoStack>

#include <algorithm>

namespace chokepoint::ui {
namespace {

bool contains(const Actions &list, const Action &a)
{
    return std::any_of(list.begin(), list.end(), [&](const Action &b) { return b.node == a.node && b.type == a.type; });
}

} // namespace

TimelineRecorder::TimelineRecorder(Document *document, QObject *parent) : QObject(parent), m_document(document)
{
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &TimelineRecorder::onIndexChanged);
}

void TimelineRecorder::start()
{
    if (!m_document)
        return;
    m_recording = true;
    m_startIndex = m_document->undoStack()->index();
    m_baseline = m_document->actions();
    const Scenario *s = m_document->scenario();
    m_targets = s ? s->targets : std::vector<std::string>{};
    m_snapshots.clear();
    Q_EMIT stepCountChanged(0);
}

void TimelineRecorder::cancel()
{
    m_recording = false;
    m_snapshots.clear();
    Q_EMIT stepCountChanged(0);
}

void TimelineRecorder::onIndexChanged(int index)
{
    if (!m_recording || !m_document)
        return;
    const std::size_t before = m_snapshots.size();
    while (!m_snapshots.empty() && m_snapshots.back().index > index)
        m_snapshots.pop_back(); // undone
    const Actions now = m_document->actions();
    const Actions &last = m_snapshots.empty() ? m_baseline : m_snapshots.back().actions;
    if (index > m_startIndex && (m_snapshots.empty() || m_snapshots.back().index < index) && now != last)
        m_snapshots.push_back({index, now, m_document->undoStack()->text(index - 1)});
    if (m_snapshots.size() != before)
        Q_EMIT stepCountChanged(stepCount());
}

std::optional<Scenario> TimelineRecorder::finish(const QString &title)
{
    m_recording = false;
    m_dropped = 0;
    if (!m_document || m_snapshots.empty())
        return std::nullopt;
    Scenario s;
    int n = 1;
    while (m_document->model().scenario("recorded-" + std::to_string(n)))
        ++n;
    s.id = "recorded-" + std::to_string(n);
    s.title = sstr(title);
    s.date = sstr(QDate::currentDate().toString(Qt::ISODate));
    s.description = sstr(tr("A timeline recorded in Chokepoint: each step is one edit, in the order it was made."));
    s.actions = m_baseline;
    s.targets = m_targets;
    const Actions *previous = &m_baseline;
    for (const Snapshot &snap : m_snapshots) {
        Step step;
        step.title = sstr(snap.text);
        for (const Action &a : snap.actions) {
            if (!contains(*previous, a))
                step.actions.push_back(a);
        }
        const bool lifted = std::any_of(previous->begin(), previous->end(),
                                        [&](const Action &a) { return !contains(snap.actions, a); });
        m_dropped += lifted;
        if (!step.actions.empty())
            s.steps.push_back(std::move(step));
        previous = &snap.actions;
    }
    m_snapshots.clear();
    Q_EMIT stepCountChanged(0);
    if (s.steps.empty())
        return std::nullopt;
    return s;
}

} // namespace chokepoint::ui
