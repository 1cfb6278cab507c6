#include "mainwindow.h"

#include "charts/exportdialog.h"
#include "charts/impactdock.h"
#include "dialogs/cutsetdialog.h"
#include "document/document.h"
#include "i18n/translator.h"
#include "io/jsonformat.h"
#include "map/mapscene.h"
#include "map/mapview.h"
#include "panels/blocksmodel.h"
#include "panels/blockspanel.h"
#include "panels/inspector.h"
#include "panels/statussummary.h"
#include "present/presenter.h"
#include "present/timelinerecorder.h"

#include <QAbstractProxyModel>
#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QCompleter>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

namespace chokepoint::ui {
namespace {

constexpr int kMaxRecentFiles = 8;

/// The find box matches a node by its name in the interface's language, its English name or its id.
bool isCalled(const Node &n, const QString &text)
{
    return nodeName(n).compare(text, Qt::CaseInsensitive) == 0 ||
           qstr(n.name).compare(text, Qt::CaseInsensitive) == 0 || qstr(n.id) == text;
}

bool nameContains(const Node &n, const QString &text)
{
    return nodeName(n).contains(text, Qt::CaseInsensitive) ||
           qstr(n.name).contains(text, Qt::CaseInsensitive);
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowIcon(QIcon(QStringLiteral(":/icons/chokepoint.svg")));
    setAcceptDrops(true);
    setDocumentMode(true);
    m_presenter = new Presenter(this, this);
    createActions();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (geometry().width() < 400)
        resize(1400, 900);
}

MainWindow::~MainWindow()
{
    m_presenter->setTargets(nullptr, nullptr, nullptr); // the map goes back to the window first
    // The views refer to the document: let them go first (child widgets would outlive m_document).
    delete m_blocks;
    delete m_inspector;
    delete m_impact;
    delete m_status;
    delete m_mapView;
    delete m_scene;
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *newAct = file->addAction(tr("&New"), this, &MainWindow::newDocument);
    newAct->setShortcut(QKeySequence::New);
    newAct->setToolTip(tr("Start again from the shipped iPhone model"));
    QAction *openAct = file->addAction(tr("&Open…"), this, &MainWindow::open);
    openAct->setShortcut(QKeySequence::Open);
    openAct->setToolTip(tr("Open a .chokepoint document, a JSON model or an Open-PSA MEF fault tree"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentFilesMenu")); // file names, not words to translate
    file->addSeparator();
    QAction *saveAct = file->addAction(tr("&Save"), this, &MainWindow::save);
    saveAct->setShortcut(QKeySequence::Save);
    QAction *saveAsAct = file->addAction(tr("Save &As…"), this, &MainWindow::saveAs);
    saveAsAct->setShortcut(QKeySequence::SaveAs);
    file->addSeparator();
    QAction *exportMap = file->addAction(tr("Export &Map…"), this, [this] {
        if (m_mapView)
            exportViewInteractively(this, m_mapView, QStringLiteral("map"));
    });
    exportMap->setToolTip(tr("Save the map as it is on screen, as PNG, SVG or PDF"));
    QAction *exportChart = file->addAction(tr("Export &Chart…"), this, [this] {
        if (m_impact)
            m_impact->exportCurrentChart();
    });
    exportChart->setToolTip(tr("Save the chart shown in the Impact panel as PNG, SVG or PDF"));
    file->addAction(tr("Export Node &States (CSV)…"), this, [this] {
        if (m_impact)
            m_impact->exportStatesCsv();
    });
    QAction *report = file->addAction(tr("Write &Report…"), this, [this] {
        if (m_impact)
            m_impact->exportReport();
    });
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    report->setToolTip(tr("One HTML or PDF file with the scenario, the map, the charts, the figures and every "
                          "source cited"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    updateRecentMenu();

    m_editMenu = menuBar()->addMenu(tr("&Edit"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fit = view->addAction(tr("&Fit to Window"), this, [this] {
        if (m_mapView)
            m_mapView->fitAll();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    fit->setToolTip(tr("Show the whole map"));
    QAction *focus = view->addAction(tr("Zoom to &What Changed"), this, [this] {
        if (m_mapView)
            m_mapView->focusOnAffected();
    });
    focus->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_9));
    focus->setToolTip(tr("Frame the blocked nodes and everything that fails or degrades because of them"));
    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, [this] {
        if (m_mapView)
            m_mapView->zoomIn();
    });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, [this] {
        if (m_mapView)
            m_mapView->zoomOut();
    });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *find = view->addAction(tr("&Find Node…"), this, &MainWindow::findNode);
    find->setShortcut(QKeySequence::Find);
    view->addSeparator();
    createLanguageMenu(view);
    view->addSeparator();
    m_viewMenu = view; // the docks add their show/hide actions when they are made

    QMenu *analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction *howTo = analysis->addAction(tr("&How Would They Block…?"), this, &MainWindow::showCutSets);
    howTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    howTo->setToolTip(tr("What would a censor have to block to take the selected service down, and what else "
                         "would break?"));

    createPresentMenu();

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Chokepoint"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *tools = addToolBar(tr("Main"));
    m_toolBar = tools;
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->addAction(openAct);
    tools->addAction(saveAct);
    tools->addSeparator();
    tools->addAction(fit);
    tools->addAction(focus);
    tools->addAction(howTo);
    tools->addAction(m_presentAction);
    m_find = new QLineEdit(this);
    m_find->setPlaceholderText(tr("Find a node (Ctrl+F)"));
    m_find->setClearButtonEnabled(true);
    m_find->setMaximumWidth(280);
    tools->addWidget(m_find);
    connect(m_find, &QLineEdit::returnPressed, this, [this] {
        if (!m_document)
            return;
        const QString text = m_find->text().trimmed();
        for (int i = 0; i < m_document->nodeCount(); ++i) {
            if (isCalled(m_document->node(i), text)) {
                selectNode(i);
                return;
            }
        }
        for (int i = 0; i < m_document->nodeCount(); ++i) {
            if (nameContains(m_document->node(i), text)) {
                selectNode(i);
                return;
            }
        }
        statusBar()->showMessage(tr("No node matches “%1”").arg(text), 4000);
    });
}

void MainWindow::setDocument(std::unique_ptr<Document> document)
{
    m_presenter->setTargets(nullptr, nullptr, nullptr); // a presentation ends with its document
    if (m_recordAction && m_recordAction->isChecked()) {
        const QSignalBlocker blocker(m_recordAction);
        m_recordAction->setChecked(false);
    }
    // Build the new views first, then swap: a failure above leaves the old document in place.
    auto *scene = new MapScene(document.get(), this);
    auto *mapView = new MapView(this);
    mapView->setScene(scene);
    auto *blocks = new BlocksPanel(document.get(), this);
    auto *inspector = new Inspector(document.get(), this);
    auto *impact = new ImpactDock(document.get(), this);
    auto *status = new StatusSummary(document.get(), this);

    if (m_document) {
        delete m_blocks;
        delete m_inspector;
        delete m_impact;
        delete m_status;
        delete m_mapView;
        delete m_scene;
    }
    m_document = std::move(document);
    m_scene = scene;
    m_mapView = mapView;
    m_blocks = blocks;
    m_inspector = inspector;
    m_impact = impact;
    m_status = status;
    setCentralWidget(m_mapView);
    statusBar()->addPermanentWidget(m_status, 1);
    const bool firstDocument = !m_blocksDock;
    createDocks();
    m_blocksDock->setWidget(m_blocks);
    m_inspectorDock->setWidget(m_inspector);
    m_impactDock->setWidget(m_impact);
    if (firstDocument) {
        // Sizes need the docks' widgets; the user's own arrangement wins when there is one. The
        // blocks list needs room for a name beside its three columns, in Russian too.
        resizeDocks({m_blocksDock, m_inspectorDock}, {480, 350}, Qt::Horizontal);
        restoreState(QSettings().value(QStringLiteral("window/state")).toByteArray());
    }

    connect(m_scene, &MapScene::nodeClicked, this, &MainWindow::selectNode);
    connect(m_blocks, &BlocksPanel::nodeActivated, this, &MainWindow::selectNode);
    connect(m_inspector, &Inspector::nodeActivated, this, &MainWindow::selectNode);
    connect(m_document.get(), &Document::cleanChanged, this, &MainWindow::updateTitle);
    // A new scenario is a new story: frame what it takes down.
    connect(m_document.get(), &Document::scenarioChanged, m_mapView, [this](const QString &id) {
        if (!id.isEmpty())
            m_mapView->focusOnAffected();
    });
    m_presenter->setTargets(m_document.get(), m_scene, m_mapView);
    delete m_recorder;
    m_recorder = new TimelineRecorder(m_document.get(), this);
    connect(m_recorder, &TimelineRecorder::stepCountChanged, this, [this](int steps) {
        if (m_recorder->isRecording())
            statusBar()->showMessage(tr("Recording a timeline: %1 step(s) so far. Every edit is one step; "
                                        "Ctrl+Shift+T stops.").arg(steps));
    });

    createEditActions();
    updateFindCompleter();
    updateTitle();
    m_mapView->focusOnAffected();
}

void MainWindow::createEditActions()
{
    // Undo and redo follow the document's stack.
    m_editMenu->clear();
    delete m_undoAction;
    delete m_redoAction;
    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcut(QKeySequence::Redo);
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);
    m_editMenu->addSeparator();
    QAction *clear = m_editMenu->addAction(tr("&Clear All Actions"), m_document.get(), &Document::clearActions);
    clear->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backspace));
}

void MainWindow::updateFindCompleter()
{
    // Names in the interface's language, and the English ones where they differ.
    QStringList names;
    for (int i = 0; i < m_document->nodeCount(); ++i) {
        const Node &n = m_document->node(i);
        names << nodeName(n);
        if (nodeName(n) != qstr(n.name))
            names << qstr(n.name);
    }
    auto *completer = new QCompleter(names, m_find);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    delete m_find->completer();
    m_find->setCompleter(completer);
}

void MainWindow::createDocks()
{
    if (m_blocksDock)
        return;
    m_blocksDock = new QDockWidget(tr("Blocks"), this);
    m_blocksDock->setObjectName(QStringLiteral("blocksDock"));
    addDockWidget(Qt::LeftDockWidgetArea, m_blocksDock);
    m_inspectorDock = new QDockWidget(tr("Inspector"), this);
    m_inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_inspectorDock);
    m_impactDock = new QDockWidget(tr("Impact"), this);
    m_impactDock->setObjectName(QStringLiteral("impactDock"));
    addDockWidget(Qt::RightDockWidgetArea, m_impactDock);
    tabifyDockWidget(m_inspectorDock, m_impactDock);
    m_inspectorDock->raise();
    for (QDockWidget *dock : {m_blocksDock, m_inspectorDock, m_impactDock})
        m_viewMenu->addAction(dock->toggleViewAction());
}

void MainWindow::createPresentMenu()
{
    // Built again when the language changes: the old actions leave the window first, so no key is
    // claimed twice while the old menu waits to be deleted.
    for (const PresentKeys &k : std::as_const(m_presentKeys))
        removeAction(k.action);
    m_presentKeys.clear();
    QMenu *present = menuBar()->addMenu(tr("&Present"));
    // Outside presentation mode the plain keys belong to the map, the lists and the find box, so
    // the timeline keys carry Alt there; in presentation mode the plain keys drive the story.
    auto add = [&](const QString &text, auto slot, QList<QKeySequence> normal, QList<QKeySequence> presenting,
                   const QString &tip = {}) {
        QAction *a = present->addAction(text, this, slot);
        a->setShortcuts(normal);
        a->setToolTip(tip);
        addAction(a); // keeps the keys alive while the menu bar is hidden
        m_presentKeys.push_back({a, normal, presenting + normal});
        return a;
    };
    m_presentAction = add(tr("&Presentation Mode"), [this] { m_presenter->toggle(); }, {QKeySequence(Qt::Key_F5)},
                          {}, tr("Full screen for a classroom: the map, large figures and one chart (F5, Esc leaves)"));
    m_presentAction->setCheckable(true);
    m_leaveAction = add(tr("&Leave Presentation"), [this] { m_presenter->leave(); }, {}, {QKeySequence(Qt::Key_Escape)});
    m_leaveAction->setEnabled(false);
    present->addSeparator();
    add(tr("&Next Step"), [this] { m_presenter->next(); }, {QKeySequence(Qt::ALT | Qt::Key_Right)},
        {QKeySequence(Qt::Key_Space), QKeySequence(Qt::Key_Right)}, tr("Apply the next step of the scenario's timeline"));
    add(tr("&Previous Step"), [this] { m_presenter->back(); }, {QKeySequence(Qt::ALT | Qt::Key_Left)},
        {QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_Backspace)}, tr("Take the last step back"));
    add(tr("&Start of Timeline"), [this] { m_presenter->toStart(); }, {QKeySequence(Qt::ALT | Qt::Key_Home)},
        {QKeySequence(Qt::Key_Home)});
    add(tr("&End of Timeline"), [this] { m_presenter->toEnd(); }, {QKeySequence(Qt::ALT | Qt::Key_End)},
        {QKeySequence(Qt::Key_End)});
    add(tr("Next &Timeline"), [this] { m_presenter->switchScenario(1); }, {QKeySequence(Qt::ALT | Qt::Key_PageDown)},
        {QKeySequence(Qt::Key_PageDown)}, tr("The next scenario with a timeline, at its start"));
    add(tr("Previous T&imeline"), [this] { m_presenter->switchScenario(-1); }, {QKeySequence(Qt::ALT | Qt::Key_PageUp)},
        {QKeySequence(Qt::Key_PageUp)});
    present->addSeparator();
    m_predictAction = add(tr("Predict, &Then Reveal"), [this](bool on) { m_presenter->setPredicting(on); },
                          {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)}, {QKeySequence(Qt::Key_P)},
                          tr("Hide what fails until the class has marked its guesses on the map"));
    m_predictAction->setCheckable(true);
    add(tr("&Reveal"), [this] { m_presenter->reveal(); }, {QKeySequence(Qt::CTRL | Qt::Key_Return)},
        {QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter), QKeySequence(Qt::Key_R)},
        tr("Show what failed and score the guesses"));
    add(tr("Mark Ne&xt Node"), [this] { m_presenter->moveMarkCursor(1); }, {}, {QKeySequence(Qt::Key_Tab)});
    add(tr("Mark Previous N&ode"), [this] { m_presenter->moveMarkCursor(-1); }, {}, {QKeySequence(Qt::Key_Backtab)});
    add(tr("Toggle &Guess"), [this] { m_presenter->toggleMarkAtCursor(); }, {}, {QKeySequence(Qt::Key_M)},
        tr("Mark the node the keyboard is on as “will fail”, or take the mark off"));
    present->addSeparator();
    add(tr("Presenter &Notes"), [this] { m_presenter->toggleNotes(); }, {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        {QKeySequence(Qt::Key_N)}, tr("The step's notes for the teacher, on a second screen if one is attached"));
    m_recordAction = add(tr("Re&cord Timeline"), [this](bool on) { toggleRecording(on); },
                         {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)}, {},
                         tr("Every edit from now on becomes a step of a new scenario's timeline"));
    m_recordAction->setCheckable(true);

    connect(m_presenter, &Presenter::presentingChanged, this, &MainWindow::presentingChanged, Qt::UniqueConnection);
    connect(m_presenter, &Presenter::predictingChanged, m_predictAction, &QAction::setChecked);
    m_predictAction->setChecked(m_presenter->isPredicting());
    m_recordAction->setChecked(m_recorder && m_recorder->isRecording());
    presentingChanged(m_presenter->isPresenting());
}

void MainWindow::presentingChanged(bool presenting)
{
    for (const PresentKeys &k : std::as_const(m_presentKeys))
        k.action->setShortcuts(presenting ? k.presenting : k.normal);
    m_presentAction->setChecked(presenting);
    m_leaveAction->setEnabled(presenting);
}

void MainWindow::toggleRecording(bool on)
{
    if (!m_recorder)
        return;
    if (on) {
        m_recorder->start();
        return;
    }
    bool ok = false;
    const QString title = QInputDialog::getText(this, tr("Save the timeline"), tr("Title of the new scenario:"),
                                                QLineEdit::Normal, tr("My timeline"), &ok);
    if (!ok || title.trimmed().isEmpty()) {
        m_recorder->cancel();
        statusBar()->showMessage(tr("The recording was thrown away."), 4000);
        return;
    }
    finishRecording(title.trimmed());
}

bool MainWindow::finishRecording(const QString &title)
{
    if (m_recordAction->isChecked()) {
        const QSignalBlocker blocker(m_recordAction);
        m_recordAction->setChecked(false);
    }
    const auto scenario = m_recorder ? m_recorder->finish(title) : std::nullopt;
    if (!scenario) {
        statusBar()->showMessage(tr("Nothing was recorded: no edit added a block, a throttle or a countermeasure."), 6000);
        return false;
    }
    m_document->addScenario(*scenario);
    m_document->goToStep(static_cast<int>(scenario->steps.size()), qstr(scenario->id));
    QString message = tr("Recorded “%1” with %2 step(s). Present → Start of Timeline plays it from the beginning.")
                          .arg(title)
                          .arg(scenario->steps.size());
    if (m_recorder->droppedEdits() > 0)
        message += QLatin1Char(' ') + tr("%1 edit(s) lifted an action; a timeline only adds, so they were left out.")
                                          .arg(m_recorder->droppedEdits());
    statusBar()->showMessage(message, 8000);
    return true;
}

void MainWindow::selectNode(int nodeIndex)
{
    if (!m_document || nodeIndex < 0 || nodeIndex >= m_document->nodeCount())
        return;
    m_inspector->setNode(nodeIndex);
    m_mapView->centerOnNode(nodeIndex);
    const QModelIndex row = m_blocks->model()->indexOfNode(nodeIndex);
    if (row.isValid()) {
        auto *proxy = m_blocks->view()->model();
        auto *filter = qobject_cast<QAbstractProxyModel *>(proxy);
        if (filter)
            m_blocks->view()->setCurrentIndex(filter->mapFromSource(row));
    }
}

bool MainWindow::openFile(const QString &path, bool quiet)
{
    try {
        auto doc = Document::load(path);
        setDocument(std::move(doc));
        rememberFile(path);
        return true;
    } catch (const std::exception &e) {
        m_lastError = QString::fromUtf8(e.what());
        if (!quiet)
            showError(tr("Could not open %1").arg(QFileInfo(path).fileName()), m_lastError);
        return false;
    }
}

void MainWindow::openShippedModel()
{
    QFile f(QStringLiteral(":/data/iphone-russia.json"));
    if (!f.open(QIODevice::ReadOnly))
        return;
    const QByteArray json = f.readAll();
    DocumentData shipped;
    shipped.model = parseJsonModel(std::string_view(json.constData(), static_cast<std::size_t>(json.size())),
                                   "iphone-russia.json");
    setDocument(std::make_unique<Document>(std::move(shipped)));
}

void MainWindow::newDocument()
{
    if (!maybeSave())
        return;
    openShippedModel();
}

void MainWindow::open()
{
    if (!maybeSave())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open model"), QString(),
        tr("Chokepoint models (*.chokepoint *.json *.xml);;Chokepoint documents (*.chokepoint);;JSON models "
           "(*.json);;Open-PSA MEF fault trees (*.xml)"));
    if (!path.isEmpty())
        openFile(path);
}

bool MainWindow::save()
{
    if (!m_document)
        return false;
    if (m_document->filePath().isEmpty())
        return saveAs();
    try {
        m_document->save(m_document->filePath());
    } catch (const std::exception &e) {
        showError(tr("Could not save"), QString::fromUtf8(e.what()));
        return false;
    }
    updateTitle();
    return true;
}

bool MainWindow::saveAs()
{
    if (!m_document)
        return false;
    QString path = QFileDialog::getSaveFileName(this, tr("Save as"), m_document->displayName(),
                                                tr("Chokepoint documents (*.chokepoint);;JSON models (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".chokepoint");
    try {
        m_document->save(path);
    } catch (const std::exception &e) {
        showError(tr("Could not save"), QString::fromUtf8(e.what()));
        return false;
    }
    rememberFile(path);
    updateTitle();
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_document || m_document->undoStack()->isClean())
        return true;
    const auto answer = QMessageBox::warning(this, tr("Unsaved changes"),
                                             tr("%1 has changes that are not saved. Save them?").arg(m_document->displayName()),
                                             QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Save)
        return save();
    return answer == QMessageBox::Discard;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenter->isPresenting())
        m_presenter->leave(); // the window's own layout is what is remembered
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile() && maybeSave())
        openFile(urls.first().toLocalFile());
}

void MainWindow::rememberFile(const QString &path)
{
    QSettings settings;
    QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecentFiles)
        recent.removeLast();
    settings.setValue(QStringLiteral("recentFiles"), recent);
    settings.setValue(QStringLiteral("lastFile"), absolute);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
    for (const QString &path : recent) {
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            if (maybeSave())
                openFile(path);
        })->setToolTip(path);
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::updateTitle()
{
    if (!m_document)
        return;
    setWindowTitle(tr("%1[*] — Chokepoint").arg(m_document->displayName()));
    setWindowModified(!m_document->undoStack()->isClean());
}

void MainWindow::showCutSets()
{
    if (!m_document)
        return;
    CutSetDialog dialog(m_document.get(), this);
    if (m_inspector->node() >= 0)
        dialog.setTarget(m_inspector->node());
    connect(&dialog, &CutSetDialog::previewRequested, m_scene, &MapScene::setPreview);
    dialog.exec();
}

void MainWindow::findNode()
{
    m_find->setFocus();
    m_find->selectAll();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Chokepoint"),
                       tr("<h3>Chokepoint %1</h3><p>When a government blocks part of the network, what on people's "
                          "phones stops working, and why?</p><p>Every node and edge of the shipped model carries its "
                          "sources. Chokepoint runs offline and makes no network calls.</p>")
                           .arg(QStringLiteral(CHOKEPOINT_VERSION)));
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_lastError = message;
    QString shown = message;
    const QStringList lines = message.split(QLatin1Char('\n'));
    if (lines.size() > 12)
        shown = lines.mid(0, 12).join(QLatin1Char('\n')) + tr("\n… and %1 more problems").arg(lines.size() - 12);
    QMessageBox::warning(this, title, shown);
}

// --- the interface's language ---------------------------------------------------------------------

void MainWindow::createLanguageMenu(QMenu *parent)
{
    QMenu *menu = parent->addMenu(tr("&Language"));
    auto *group = new QActionGroup(menu);
    for (Language language : {Language::English, Language::Russian}) {
        QAction *action =
            menu->addAction(nativeLanguageName(language), this, [this, language] { setLanguage(language); });
        action->setCheckable(true);
        action->setChecked(language == currentLanguage());
        action->setData(languageCode(language));
        group->addAction(action);
    }
}

void MainWindow::setLanguage(Language language)
{
    if (!installLanguage(language)) {
        showError(tr("Language"),
                  tr("The translation into %1 could not be loaded.").arg(nativeLanguageName(language)));
        return;
    }
    saveLanguage(language);
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // the child widgets get the event next and translate themselves
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    // The menus and the toolbar are built again; where the toolbar and the docks are is kept.
    const QByteArray state = saveState();
    const QString findText = m_find->text();
    const auto menus = menuBar()->findChildren<QMenu *>(QString(), Qt::FindDirectChildrenOnly);
    menuBar()->clear();
    for (QMenu *menu : menus)
        menu->deleteLater();
    removeToolBar(m_toolBar);
    m_toolBar->setObjectName(QString()); // restoreState() below must find the new one
    m_toolBar->deleteLater();
    createActions();
    m_find->setText(findText);
    if (m_blocksDock) {
        m_blocksDock->setWindowTitle(tr("Blocks"));
        m_inspectorDock->setWindowTitle(tr("Inspector"));
        m_impactDock->setWindowTitle(tr("Impact"));
        for (QDockWidget *dock : findChildren<QDockWidget *>(QString(), Qt::FindDirectChildrenOnly))
            m_viewMenu->addAction(dock->toggleViewAction());
    }
    restoreState(state);
    if (!m_document)
        return;
    m_document->retranslate();
    m_scene->retranslate();
    createEditActions();
    updateFindCompleter();
    updateTitle();
}

} // namespace chokepoint::ui
