#pragma once

#include "model/scenario.h"

#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>
#include <vector>

namespace chokepoint::ui {

class Document;

/**
 * Records a timeline as the user builds it (issue 7: "any scenario a teacher builds by recording
 * actions"). From start() on, every edit that changes the actions in force is one step, titled
 * with the edit's own undo text ("Block APNs"); undoing an edit takes its step back off. finish()
 * turns the recording into a scenario whose own actions are those in force at the start.
 *
 * A timeline's steps only add actions (DESIGN.md §4: they accumulate), so an edit that lifts an
 * action cannot be a step: it is left out and counted in droppedEdits().
 */
class TimelineRecorder : public QObject
{
    Q_OBJECT

public:
    explicit TimelineRecorder(Document *document, QObject *parent = nullptr);

    void start();
    bool isRecording() const { return m_recording; }
    int stepCount() const { return static_cast<int>(m_snapshots.size()); }
    /// Ends the recording; the scenario (with a new id) unless nothing was recorded.
    std::optional<Scenario> finish(const QString &title);
    void cancel();
    /// Edits of the last finished recording that lifted actions and so are not in its steps.
    int droppedEdits() const { return m_dropped; }

Q_SIGNALS:
    void stepCountChanged(int steps);

private:
    void onIndexChanged(int index);

    struct Snapshot
    {
        int index; ///< the undo stack's index after the edit
        Actions actions;
        QString text;
    };

    QPointer<Document> m_document;
    bool m_recording = false;
    int m_startIndex = 0;
    Actions m_baseline;
    std::vector<std::string> m_targets;
    std::vector<Snapshot> m_snapshots;
    int m_dropped = 0;
};

} // namespace chokepoint::ui
