#pragma once

#include "i18n/language.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QDockWidget;
class QLineEdit;
class QMenu;
class QToolBar;

namespace chokepoint::ui {

class BlocksPanel;
class Document;
class ImpactDock;
class Inspector;
class MapScene;
class MapView;
class Presenter;
class StatusSummary;
class TimelineRecorder;

/**
 * The main window. It only wires parts together (STYLE.md 16): the map in the middle, the blocks
 * panel on the left, the inspector on the right, the status line, menus and shortcuts. Opening a
 * file replaces the document only once the new one has loaded.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens a file; on failure shows the message (unless `quiet`), keeps the current document
    /// and returns false.
    bool openFile(const QString &path, bool quiet = false);
    /// Opens the model shipped inside the application.
    void openShippedModel();
    void setDocument(std::unique_ptr<Document> document);
    Document *document() const { return m_document.get(); }
    MapView *mapView() const { return m_mapView; }
    MapScene *mapScene() const { return m_scene; }
    BlocksPanel *blocksPanel() const { return m_blocks; }
    Inspector *inspector() const { return m_inspector; }
    ImpactDock *impactDock() const { return m_impact; }
    /// Classroom mode: presentation, timelines, predict-then-reveal.
    Presenter *presenter() const { return m_presenter; }
    TimelineRecorder *recorder() const { return m_recorder; }
    /// Ends a timeline recording and adds it to the model as a scenario titled `title`, applied at
    /// its last step; false (with a message) when nothing was recorded.
    bool finishRecording(const QString &title);
    /// Selects a node on the map, in the inspector and in the blocks list.
    void selectNode(int nodeIndex);
    /// The last error shown (for tests).
    QString lastError() const { return m_lastError; }
    /// Switches the interface and the model's texts to `language` and remembers the choice (the
    /// View > Language menu). The window translates itself when the LanguageChange event arrives.
    void setLanguage(Language language);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createLanguageMenu(QMenu *parent);
    /// Undo, redo and "Clear All Actions", following the document's stack.
    void createEditActions();
    void createDocks();
    void createPresentMenu();
    void presentingChanged(bool presenting);
    void toggleRecording(bool on);
    /// Everything in the new language: menus and toolbar built again, docks, title, the map, the
    /// undo history's texts (the panels translate themselves). Nothing else changes.
    void retranslate();
    void updateFindCompleter();
    void updateTitle();
    void updateRecentMenu();
    void rememberFile(const QString &path);
    bool maybeSave();
    bool save();
    bool saveAs();
    void open();
    void newDocument();
    void findNode();
    void showCutSets();
    void showAbout();
    void showError(const QString &title, const QString &message);

    std::unique_ptr<Document> m_document;
    MapScene *m_scene = nullptr;
    MapView *m_mapView = nullptr;
    BlocksPanel *m_blocks = nullptr;
    Inspector *m_inspector = nullptr;
    ImpactDock *m_impact = nullptr;
    StatusSummary *m_status = nullptr;
    QDockWidget *m_blocksDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_impactDock = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QLineEdit *m_find = nullptr;
    Presenter *m_presenter = nullptr;
    TimelineRecorder *m_recorder = nullptr;
    QAction *m_presentAction = nullptr;
    QAction *m_predictAction = nullptr;
    QAction *m_recordAction = nullptr;
    QAction *m_leaveAction = nullptr;
    /// Actions whose keys change in presentation mode: {action, keys outside it, keys in it}.
    struct PresentKeys
    {
        QAction *action;
        QList<QKeySequence> normal;
        QList<QKeySequence> presenting;
    };
    QList<PresentKeys> m_presentKeys;
    QString m_lastError;
};

} // namespace chokepoint::ui
