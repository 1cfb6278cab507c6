#pragma once

#include "engine/cutsets.h"

#include <QDialog>

#include <memory>
#include <thread>

class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace chokepoint::ui {

class Document;

/**
 * "How would they block…?": pick a target, optionally protected nodes and a maximum size; the
 * minimal cut sets come back with their count and each set's collateral (users lost, functions
 * and apps failed). Selecting a set previews it on the map; Apply adds its blocks to the
 * scenario in one undoable step. The search runs on a worker thread with progress and Cancel.
 */
class CutSetDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CutSetDialog(Document *document, QWidget *parent = nullptr);
    ~CutSetDialog() override;

    void setTarget(int nodeIndex);
    /// Starts the search (also the "Find" button).
    void run();
    /// Blocks until a running search has finished (for tests).
    void waitForResult();
    const CutSetResult *result() const { return m_result.get(); }
    QTableWidget *table() const { return m_table; }
    /// Applies the selected set (also the "Apply" button).
    void applySelected();

Q_SIGNALS:
    /// The nodes of the selected set, to draw as a preview (empty: none).
    void previewRequested(const std::vector<int> &nodes);
    void finished(bool ok);

private:
    void showResult(std::shared_ptr<CutSetResult> result, QString error);
    void setRunning(bool running);

    Document *m_document;
    QComboBox *m_target;
    QListWidget *m_protect;
    QSpinBox *m_maxSize;
    QSpinBox *m_limit;
    QPushButton *m_find;
    QPushButton *m_cancel;
    QPushButton *m_apply;
    QProgressBar *m_progress;
    QLabel *m_summary;
    QTableWidget *m_table;
    std::unique_ptr<std::jthread> m_worker;
    std::shared_ptr<CutSetResult> m_result;
};

} // namespace chokepoint::ui
