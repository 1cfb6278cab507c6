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
    createActions();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (geometry().width() < 400)
        resize(1400, 900);
}

MainWindow::~MainWindow()
{
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
