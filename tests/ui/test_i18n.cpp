// The interface in Russian (issue 7): switched from the View menu, the window's menus, docks and
// toolbar speak it and the model's names follow, nothing of the session is lost, English comes back,
// the model-text lookups fall back to English, and every message of the translation is finished.
#include "mainwindow.h"

#include "charts/chartcanvas.h"
#include "charts/chartkind.h"
#include "charts/impactdock.h"
#include "document/document.h"
#include "i18n/language.h"
#include "i18n/translator.h"
#include "map/mapscene.h"
#include "map/nodegroups.h"
#include "map/nodeitem.h"
#include "panels/blocksmodel.h"
#include "panels/blockspanel.h"
#include "panels/inspector.h"
#include "panels/statussummary.h"
#include "present/presentationview.h"
#include "present/presenter.h"
#include "present/presenternotes.h"
#include "report/reportwriter.h"

#include <QApplication>
#include <QCollator>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocumentFragment>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace chokepoint::ui {
namespace {

// --- what the window shows --------------------------------------------------------------------------

/// Latin words that belong in the Russian interface: names, file formats and network acronyms, the
/// names printed on keys, and "English", the language menu's name for English in English.
const QStringList kLatinAllowed = {
    QStringLiteral("Chokepoint"), QStringLiteral("iPhone"), QStringLiteral("Open-PSA"),
    QStringLiteral("English"),    QStringLiteral("MEF"),    QStringLiteral("JSON"),
    QStringLiteral("CSV"),        QStringLiteral("HTML"),   QStringLiteral("PNG"),
    QStringLiteral("SVG"),        QStringLiteral("PDF"),    QStringLiteral("DNS"),
    QStringLiteral("CDN"),        QStringLiteral("Ctrl"),   QStringLiteral("Esc"),
    QStringLiteral("Tab"),        QStringLiteral("Enter"),  QStringLiteral("Home"),
    QStringLiteral("Page"),       QStringLiteral("Down"),   QStringLiteral("Shift"),
};

/// The Latin words of three letters or more in `text` that are not allowed above.
QStringList latinWords(QString text)
{
    text.remove(QLatin1Char('&'));
    static const QRegularExpression word(QStringLiteral("[A-Za-z]+(?:-[A-Za-z]+)*"));
    QStringList found;
    for (const QRegularExpressionMatch &match : word.globalMatch(text)) {
        const QString w = match.captured();
        if (w.size() >= 3 && !kLatinAllowed.contains(w, Qt::CaseInsensitive))
            found << w;
    }
    return found;
}

/// The Cyrillic words in `text`, but "Русский", the language menu's name for Russian in Russian.
QStringList cyrillicWords(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\x{0400}-\\x{04FF}]+"));
    QStringList found;
    for (const QRegularExpressionMatch &match : word.globalMatch(text)) {
        if (match.captured() != QStringLiteral("Русский"))
            found << match.captured();
    }
    return found;
}

/// Every title, action text and tooltip of `menu` and its submenus; the recent files are file names.
void menuTexts(const QMenu *menu, QStringList &out)
{
    out << menu->title();
    if (menu->objectName() == QLatin1String("recentFilesMenu"))
        return;
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        if (action->menu())
            menuTexts(action->menu(), out);
        else
            out << action->text() << action->toolTip();
    }
}

/// What the menu bar, the docks' titles and the toolbars (their actions' texts and tooltips) say.
QStringList chromeTexts(const MainWindow &window)
{
    QStringList texts;
    for (const QAction *action : window.menuBar()->actions()) {
        if (action->menu())
            menuTexts(action->menu(), texts);
    }
    for (const QDockWidget *dock : window.findChildren<QDockWidget *>())
        texts << dock->windowTitle();
    for (const QToolBar *bar : window.findChildren<QToolBar *>()) {
        texts << bar->windowTitle();
        for (const QAction *action : bar->actions()) {
            if (!action->isSeparator())
                texts << action->text() << action->toolTip();
        }
        for (const QLineEdit *edit : bar->findChildren<QLineEdit *>())
            texts << edit->placeholderText();
    }
    return texts;
}

/// The panels' own words: the blocks list's headers, groups and controls, the charts' tabs and
/// controls, the status line.
QStringList panelTexts(const MainWindow &window)
{
    QStringList texts;
    const BlocksModel *blocks = window.blocksPanel()->model();
    for (int column = 0; column < blocks->columnCount(); ++column) {
        texts << blocks->headerData(column, Qt::Horizontal).toString()
              << blocks->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString();
    }
    for (int row = 0; row < blocks->rowCount(); ++row)
        texts << blocks->index(row, BlocksModel::NameColumn).data().toString();
    for (const QLabel *label : window.blocksPanel()->findChildren<QLabel *>())
        texts << label->text();
    for (const QPushButton *button : window.blocksPanel()->findChildren<QPushButton *>())
        texts << button->text() << button->toolTip();
    for (const QLineEdit *edit : window.blocksPanel()->findChildren<QLineEdit *>())
        texts << edit->placeholderText();
    for (const QTabWidget *tabs : window.impactDock()->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            texts << tabs->tabText(i);
    }
    for (const QLabel *label : window.impactDock()->findChildren<QLabel *>())
        texts << label->text();
    for (const QWidget *status : window.findChildren<StatusSummary *>())
        texts << QTextDocumentFragment::fromHtml(static_cast<const QLabel *>(status)->text()).toPlainText()
              << status->toolTip();
    return texts;
}

QString joined(const QStringList &words) { return words.join(QStringLiteral(", ")); }

// --- the window, switched -----------------------------------------------------------------------------

class Russian : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // The saved language (and the window's geometry) go to settings of this test's own.
        ASSERT_TRUE(settingsDir.isValid());
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        ASSERT_TRUE(installLanguage(Language::English));
        window.openShippedModel();
        ASSERT_NE(window.document(), nullptr);
        window.resize(1600, 1000);
        window.show();
        settle();
    }

    void TearDown() override { installLanguage(Language::English); }

    /// Lets the LanguageChange events arrive (and the redraws they queue), and the menus built
    /// before go.
    static void settle()
    {
        QApplication::processEvents();
        QApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }

    /// The View > Language entry for `language`, as the user finds it.
    QAction *languageAction(Language language) const
    {
        for (QAction *top : window.menuBar()->actions()) {
            if (!top->menu())
                continue;
            for (QAction *action : top->menu()->actions()) {
                if (!action->menu())
                    continue;
                for (QAction *choice : action->menu()->actions()) {
                    if (choice->data().toString() == languageCode(language))
                        return choice;
                }
            }
        }
        return nullptr;
    }

    /// Switches the way the menu does: by triggering its entry.
    void switchTo(Language language)
    {
        QAction *choice = languageAction(language);
        ASSERT_NE(choice, nullptr);
        choice->trigger();
        settle();
        EXPECT_EQ(currentLanguage(), language);
    }

    int indexOf(const char *id) const { return window.document()->indexOf(QString::fromLatin1(id)).value(); }

    /// The node's name in `language`, from the model.
    QString modelName(const char *id, Language language) const
    {
        const Node &n = window.document()->node(indexOf(id));
        return language == Language::Russian ? qstr(n.i18n["ru"]["name"].get<std::string>()) : qstr(n.name);
    }

    /// What the map writes on node `id` (the first line of its item's tooltip is its name).
    QString mapName(const char *id) const
    {
        const NodeItem *item = window.mapScene()->nodeItem(indexOf(id));
        return item ? item->toolTip().section(QLatin1Char('\n'), 0, 0) : QString();
    }

    QString blocksName(const char *id) const
    {
        return window.blocksPanel()->model()->indexOfNode(indexOf(id)).data().toString();
    }

    QString undoText() const
    {
        for (const QAction *top : window.menuBar()->actions()) {
            if (top->menu() &&
                top->menu()->title() == (currentLanguage() == Language::Russian ? QStringLiteral("&Правка")
                                                                                : QStringLiteral("&Edit")))
                return top->menu()->actions().value(0) ? top->menu()->actions().value(0)->text() : QString();
        }
        return {};
    }

    /// Types `text` into the toolbar's find box and presses Return.
    void find(const QString &text)
    {
        QLineEdit *box = nullptr;
        for (QToolBar *bar : window.findChildren<QToolBar *>()) {
            if (const auto edits = bar->findChildren<QLineEdit *>(); !edits.isEmpty())
                box = edits.first();
        }
        ASSERT_NE(box, nullptr);
        box->setText(text);
        QTest::keyClick(box, Qt::Key_Return);
    }

    /// Saves what the window shows when CHOKEPOINT_I18N_SHOTS names a folder (for looking at it).
    void keep(const QString &name)
    {
        const QString dir = qEnvironmentVariable("CHOKEPOINT_I18N_SHOTS");
        if (dir.isEmpty())
            return;
        QDir().mkpath(dir);
        window.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }

    QTemporaryDir settingsDir;
    MainWindow window;
};

TEST_F(Russian, SwitchingFromTheMenuTranslatesTheWindowAndTheModelAndKeepsTheSession)
{
    Document *doc = window.document();
    const char *findMy = "find-my"; // a blockable node whose Russian name has no Latin in it
    doc->setNodeAction(QString::fromLatin1(findMy), NodeAction::Block);
    const int apns = indexOf("apns");
    window.selectNode(apns);
    settle();
    const QPointF apnsAt = window.mapScene()->nodeItem(apns)->pos();
    const MapScene *scene = window.mapScene();
    const int undoSteps = doc->undoStack()->count();
    ASSERT_EQ(undoText(), QStringLiteral("&Undo Block %1").arg(modelName(findMy, Language::English)));
    keep(QStringLiteral("en-inspector"));

    switchTo(Language::Russian);
    keep(QStringLiteral("ru-inspector"));
    EXPECT_TRUE(languageAction(Language::Russian)->isChecked());
    EXPECT_FALSE(languageAction(Language::English)->isChecked());
    EXPECT_EQ(savedLanguage(), Language::Russian); // the next start opens in Russian

    // No English left in the menus, the docks' titles, the toolbar, or the panels' own words.
    for (const QString &text : chromeTexts(window) + panelTexts(window))
        EXPECT_TRUE(latinWords(text).isEmpty())
            << text.toStdString() << ": " << joined(latinWords(text)).toStdString();
    EXPECT_EQ(window.menuBar()->actions().value(0)->text(), QStringLiteral("&Файл"));

    // The model's names, in Russian, wherever the node is shown.
    const QString apnsRu = modelName("apns", Language::Russian);
    ASSERT_FALSE(apnsRu.isEmpty());
    ASSERT_NE(apnsRu, modelName("apns", Language::English));
    EXPECT_EQ(mapName("apns"), apnsRu);
    EXPECT_EQ(blocksName("apns"), apnsRu);
    EXPECT_TRUE(window.inspector()->plainText().startsWith(apnsRu))
        << window.inspector()->plainText().toStdString();
    EXPECT_TRUE(window.windowTitle().startsWith(modelTitle(doc->model().info)))
        << window.windowTitle().toStdString();
    EXPECT_EQ(undoText(),
              QStringLiteral("&Отменить блокировку «%1»").arg(modelName(findMy, Language::Russian)));

    // Nothing of the session was lost: the document, its history, the selection, the map's layout.
    EXPECT_EQ(window.document(), doc);
    EXPECT_EQ(window.mapScene(), scene);
    EXPECT_EQ(doc->undoStack()->count(), undoSteps);
    EXPECT_EQ(doc->action(indexOf(findMy)), NodeAction::Block);
    EXPECT_EQ(window.mapScene()->selectedNode(), apns);
    EXPECT_EQ(window.inspector()->node(), apns);
    EXPECT_EQ(window.mapScene()->nodeItem(apns)->pos(), apnsAt);
    window.impactDock()->parentWidget()->raise();
    settle();
    keep(QStringLiteral("ru-impact"));

    // The find box knows a node by either name.
    window.selectNode(indexOf("ids"));
    find(apnsRu);
    EXPECT_EQ(window.inspector()->node(), apns);
    window.selectNode(indexOf("ids"));
    find(modelName("apns", Language::English));
    EXPECT_EQ(window.inspector()->node(), apns);

    // And back: English everywhere, the same session.
    switchTo(Language::English);
    keep(QStringLiteral("en-impact"));
    for (const QString &text : chromeTexts(window) + panelTexts(window))
        EXPECT_TRUE(cyrillicWords(text).isEmpty()) << text.toStdString();
    EXPECT_EQ(window.menuBar()->actions().value(0)->text(), QStringLiteral("&File"));
    EXPECT_EQ(mapName("apns"), modelName("apns", Language::English));
    EXPECT_EQ(blocksName("apns"), modelName("apns", Language::English));
    EXPECT_TRUE(window.inspector()->plainText().startsWith(modelName("apns", Language::English)));
    EXPECT_EQ(undoText(), QStringLiteral("&Undo Block %1").arg(modelName(findMy, Language::English)));
    EXPECT_EQ(doc->undoStack()->count(), undoSteps);
    EXPECT_EQ(savedLanguage(), Language::English);

    // The history still works after two switches.
    doc->undoStack()->undo();
    EXPECT_EQ(doc->action(indexOf(findMy)), NodeAction::None);
}

TEST_F(Russian, TheBlocksListSortsByTheRussianNamesAndKeepsItsSelection)
{
    QTreeView *view = window.blocksPanel()->view();
    const BlocksModel *model = window.blocksPanel()->model();
    const int apns = indexOf("apns");
    window.selectNode(apns);
    switchTo(Language::Russian);

    // The selection follows its node to its new row.
    EXPECT_EQ(view->currentIndex().data(BlocksModel::NodeIndexRole).toInt(), apns);
    // Each group is in Russian alphabetical order now.
    const QCollator collator{QLocale(QLocale::Russian)};
    for (int group = 0; group < model->rowCount(); ++group) {
        const QModelIndex parent = model->index(group, 0);
        for (int row = 1; row < model->rowCount(parent); ++row) {
            const QString before = model->index(row - 1, 0, parent).data().toString();
            const QString after = model->index(row, 0, parent).data().toString();
            EXPECT_LE(collator.compare(before, after), 0)
                << before.toStdString() << " / " << after.toStdString();
        }
    }
    // The filter finds a node by its name in either language.
    window.blocksPanel()->setFilter(modelName("apns", Language::English));
    EXPECT_TRUE(view->model()
                    ->match(view->model()->index(0, 0), BlocksModel::NodeIndexRole, apns, 1,
                            Qt::MatchRecursive | Qt::MatchExactly)
                    .size() == 1);
}

TEST_F(Russian, ThePresentationAndItsNotesSpeakRussianWithTheModelsStepTitles)
{
    Document *doc = window.document();
    doc->goToStep(0, QStringLiteral("facetime-2025"));
    window.presenter()->enter(false);
    window.presenter()->toggleNotes();
    window.setLanguage(Language::Russian);
    settle();
    window.presenter()->next();
    auto *view = qobject_cast<PresentationView *>(window.centralWidget());
    ASSERT_NE(view, nullptr);
    const Scenario &s = *doc->scenario();
    EXPECT_EQ(view->titleText(), qstr(s.i18n["ru"]["title"].get<std::string>()));
    EXPECT_TRUE(view->stepText().contains(QStringLiteral("Шаг 1 из 1"))) << view->stepText().toStdString();
    EXPECT_TRUE(view->stepText().contains(qstr(s.steps[0].i18n["ru"]["title"].get<std::string>())));
    const auto *keys = view->findChild<QLabel *>(QStringLiteral("keysLine"));
    ASSERT_NE(keys, nullptr);
    EXPECT_TRUE(latinWords(keys->text()).isEmpty()) << keys->text().toStdString();
    auto *notes = window.findChild<PresenterNotes *>();
    if (!notes) {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *n = qobject_cast<PresenterNotes *>(w))
                notes = n;
    }
    ASSERT_NE(notes, nullptr);
    EXPECT_TRUE(notes->plainText().contains(qstr(s.steps[0].i18n["ru"]["notes"].get<std::string>())))
        << notes->plainText().toStdString();
    EXPECT_TRUE(latinWords(notes->windowTitle()).isEmpty()) << notes->windowTitle().toStdString();
    window.presenter()->leave();
}

TEST_F(Russian, ChartsAndTheReportSpeakRussianToo)
{
    Document *doc = window.document();
    doc->applyScenario(QStringLiteral("facetime-2025"));
    switchTo(Language::Russian);
    // The Latin a chart may show comes from the model's own Russian texts (FaceTime, APNs…).
    QStringList modelLatin;
    for (int i = 0; i < doc->nodeCount(); ++i)
        modelLatin << latinWords(nodeName(doc->node(i)));
    for (const Scenario &s : doc->model().scenarios) {
        modelLatin << latinWords(scenarioTitle(s));
        for (const Step &step : s.steps)
            modelLatin << latinWords(stepTitle(step));
    }
    ImpactDock *impact = window.impactDock();
    impact->parentWidget()->raise();
    impact->setCompareScenario(QStringLiteral("block-imessage-via-apns"));
    impact->refreshAll();
    for (ChartKind kind : kChartKinds) {
        impact->setCurrentKind(kind);
        settle();
        keep(QStringLiteral("ru-chart-") + chartKindId(kind));
        const ChartText &text = impact->canvas(kind)->text();
        for (const QString &line : {text.title, text.subtitle, text.note, text.caption, text.side}) {
            for (const QString &word : latinWords(line))
                EXPECT_TRUE(modelLatin.contains(word)) << chartKindId(kind).toStdString() << ": "
                                                       << word.toStdString() << " in " << line.toStdString();
        }
        EXPECT_FALSE(text.title.isEmpty());
    }

    ReportWriter report(doc);
    const QString html = report.html();
    EXPECT_TRUE(html.contains(QStringLiteral("<html lang=\"ru\">")));
    EXPECT_TRUE(html.contains(QStringLiteral("<h2>Сводка</h2>")));
    EXPECT_TRUE(html.contains(scenarioTitle(*doc->scenario()).toHtmlEscaped()));
    EXPECT_FALSE(html.contains(QStringLiteral("Summary")));
}

// --- the lookups -----------------------------------------------------------------------------------------

/// Model texts in `language` for the length of a test.
class ModelTextLanguage
{
public:
    explicit ModelTextLanguage(Language language) { setModelTextLanguage(language); }
    ~ModelTextLanguage() { setModelTextLanguage(Language::English); }
};

TEST(ModelTexts, AreRussianWhereTheModelSaysAndEnglishWhereItDoesNot)
{
    Node node;
    node.id = "push";
    node.name = "Push service";
    node.description = "Delivers notifications";
    node.i18n = Json::parse(R"({"ru": {"name": "Служба push", "description": ""}})");
    Node bare;
    bare.name = "Bare";
    Node wrongType;
    wrongType.name = "Typed";
    wrongType.i18n = Json::parse(R"({"ru": {"name": 5}, "de": {"name": "Dienst"}})");
    Scenario untitled;
    untitled.id = "ban-2025";
    untitled.description = "A ban";
    untitled.i18n = Json::parse(R"({"ru": {"description": "Запрет"}})");
    Step step;
    step.title = "Day one";
    step.notes = "Read this";
    step.i18n = Json::parse(R"({"ru": {"title": "День первый"}})");
    ModelInfo info;
    info.title = "Model";
    info.description = "About";
    info.i18n =
        Json::parse(R"({"ru": {"title": "Модель", "categories": {"messaging": "обмен сообщениями"}}})");

    {
        const ModelTextLanguage russian(Language::Russian);
        EXPECT_EQ(nodeName(node), QStringLiteral("Служба push"));
        EXPECT_EQ(nodeDescription(node), QStringLiteral("Delivers notifications"))
            << "an empty entry is no translation";
        EXPECT_EQ(nodeName(bare), QStringLiteral("Bare"));
        EXPECT_EQ(nodeName(wrongType), QStringLiteral("Typed"))
            << "a number is no name, German is not Russian";
        EXPECT_EQ(scenarioTitle(untitled), QStringLiteral("ban-2025"));
        EXPECT_EQ(scenarioDescription(untitled), QStringLiteral("Запрет"));
        EXPECT_EQ(stepTitle(step), QStringLiteral("День первый"));
        EXPECT_EQ(stepNotes(step), QStringLiteral("Read this"));
        EXPECT_EQ(modelTitle(info), QStringLiteral("Модель"));
        EXPECT_EQ(modelDescription(info), QStringLiteral("About"));
        EXPECT_EQ(categoryName(info, "messaging"), QStringLiteral("обмен сообщениями"));
        EXPECT_EQ(categoryName(info, "apple-core"), QStringLiteral("apple core"));
    }
    EXPECT_EQ(currentLanguage(), Language::English);
    EXPECT_EQ(nodeName(node), QStringLiteral("Push service"));
    EXPECT_EQ(scenarioDescription(untitled), QStringLiteral("A ban"));
    EXPECT_EQ(stepTitle(step), QStringLiteral("Day one"));
    EXPECT_EQ(categoryName(info, "messaging"), QStringLiteral("messaging"));
}

TEST(ModelTexts, LanguageCodes)
{
    EXPECT_EQ(languageFromCode(QStringLiteral("ru")), Language::Russian);
    EXPECT_EQ(languageFromCode(QStringLiteral("ru_RU")), Language::Russian);
    EXPECT_EQ(languageFromCode(QStringLiteral("ru-UA")), Language::Russian);
    EXPECT_EQ(languageFromCode(QStringLiteral("en_GB")), Language::English);
    EXPECT_EQ(languageFromCode(QStringLiteral("C")), Language::English);
    EXPECT_EQ(languageFromCode(QStringLiteral("de")), std::nullopt);
    EXPECT_EQ(languageFromCode(QString()), std::nullopt);
    EXPECT_EQ(languageCode(Language::Russian), QStringLiteral("ru"));
    EXPECT_EQ(nativeLanguageName(Language::Russian), QStringLiteral("Русский"));
}

TEST(ModelTexts, GroupTitlesUseTheModelsCategoryNames)
{
    Model model;
    model.info.i18n = Json::parse(R"({"ru": {"categories": {"messaging": "обмен сообщениями"}}})");
    EXPECT_EQ(groupTitle(model, "app/messaging"), QStringLiteral("Messaging apps"));
    EXPECT_EQ(groupTitle(model, "cdn/cdn"), QStringLiteral("CDNs"));
    ASSERT_TRUE(installLanguage(Language::Russian));
    EXPECT_EQ(groupTitle(model, "app/messaging"), QStringLiteral("Приложения: обмен сообщениями"));
    EXPECT_EQ(groupTitle(model, "service/apple-core"), QStringLiteral("Сервисы: apple core"));
    ASSERT_TRUE(installLanguage(Language::English));
    EXPECT_EQ(groupTitle(model, "nonsense"), QString());
}

// --- the translations -----------------------------------------------------------------------------------

struct TsMessage
{
    QString context;
    QString source;
    QString comment;      ///< the disambiguation, if any
    QString type;      ///< the translation's type attribute: "unfinished", "vanished"…; empty when done
    QStringList forms; ///< the translation, or its plural forms
    bool numerus = false;
};

std::vector<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    std::vector<TsMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            TsMessage m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            while (xml.readNextStartElement()) {
                if (xml.name() == QLatin1String("source")) {
                    m.source = xml.readElementText();
                } else if (xml.name() == QLatin1String("comment")) {
                    m.comment = xml.readElementText();
                } else if (xml.name() == QLatin1String("translation")) {
                    m.type = xml.attributes().value(QLatin1String("type")).toString();
                    if (m.numerus) {
                        while (xml.readNextStartElement())
                            m.forms << xml.readElementText();
                    } else {
                        m.forms << xml.readElementText();
                    }
                } else {
                    xml.skipCurrentElement();
                }
            }
            messages.push_back(m);
        }
    }
    EXPECT_FALSE(xml.hasError()) << path.toStdString() << ": " << xml.errorString().toStdString();
    return messages;
}

/// The placeholders of `text`: %1…%99, with or without L, and %n.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression placeholder(QStringLiteral("%L?(?:[0-9]{1,2}|n)"));
    QStringList found;
    for (const QRegularExpressionMatch &match : placeholder.globalMatch(text))
        found << match.captured();
    found.sort();
    return found;
}

const QString kResources = QStringLiteral(CHOKEPOINT_SOURCE_DIR "/resources/");

TEST(Translations, EveryRussianMessageIsFinishedAndKeepsItsPlaceholders)
{
    const auto messages = readTs(kResources + QStringLiteral("chokepoint_ru.ts"));
    ASSERT_GT(messages.size(), 300u);
    for (const TsMessage &m : messages) {
        const std::string where = (m.context + QStringLiteral(": ") + m.source).toStdString();
        EXPECT_TRUE(m.type.isEmpty()) << where << " is " << m.type.toStdString();
        ASSERT_EQ(m.forms.size(), m.numerus ? 3 : 1) << where; // Russian has three plural forms
        for (const QString &form : m.forms) {
            EXPECT_FALSE(form.trimmed().isEmpty()) << where;
            EXPECT_EQ(placeholders(form), placeholders(m.source)) << where << " → " << form.toStdString();
            // The same accelerator count, so no menu entry loses its key or gains a literal '&'.
            EXPECT_EQ(form.count(QLatin1Char('&')) > 0, m.source.count(QLatin1Char('&')) > 0) << where;
        }
    }
}

TEST(Translations, EnglishHasItsPluralForms)
{
    const auto messages = readTs(kResources + QStringLiteral("chokepoint_en.ts"));
    ASSERT_FALSE(messages.empty());
    for (const TsMessage &m : messages) {
        const std::string where = (m.context + QStringLiteral(": ") + m.source).toStdString();
        EXPECT_TRUE(m.numerus) << where << ": the English file holds plural forms only";
        EXPECT_TRUE(m.type.isEmpty()) << where;
        ASSERT_EQ(m.forms.size(), 2) << where;
        for (const QString &form : m.forms)
            EXPECT_EQ(placeholders(form), placeholders(m.source)) << where;
    }
    ASSERT_TRUE(installLanguage(Language::English));
    EXPECT_EQ(Charts::tr("%n action(s) chosen by hand", nullptr, 1),
              QStringLiteral("1 action chosen by hand"));
    EXPECT_EQ(Charts::tr("%n action(s) chosen by hand", nullptr, 3),
              QStringLiteral("3 actions chosen by hand"));
}

/// What identifies a message to the translators: its context, source text, disambiguation and
/// whether it has plural forms.
QSet<QString> messageKeys(const std::vector<TsMessage> &messages, bool numerusOnly = false)
{
    QSet<QString> keys;
    for (const TsMessage &m : messages) {
        if (!numerusOnly || m.numerus)
            keys.insert(QStringList{m.context, m.source, m.comment, m.numerus ? QStringLiteral("n") : QString()}.join(
                QChar(0x1F)));
    }
    return keys;
}

TEST(Translations, TheFilesHoldExactlyTheMessagesOfTheSources)
{
    // lupdate over the sources as they are now, against the committed files: a tr() added without
    // running update_translations, or a message the sources dropped, shows here.
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_ru.ts"));
    const QString source = QStringLiteral(CHOKEPOINT_SOURCE_DIR);
    QProcess lupdate;
    lupdate.start(QStringLiteral(CHOKEPOINT_LUPDATE),
                  {QStringLiteral("-silent"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                   QStringLiteral("none"), QStringLiteral("-I"), source + QStringLiteral("/ui"), QStringLiteral("-I"),
                   source + QStringLiteral("/core"), source + QStringLiteral("/ui"),
                   source + QStringLiteral("/app/gui/main.cpp"), QStringLiteral("-ts"), fresh});
    ASSERT_TRUE(lupdate.waitForFinished(120000));
    ASSERT_EQ(lupdate.exitCode(), 0) << lupdate.readAllStandardError().toStdString();
    const auto inSources = readTs(fresh);
    ASSERT_GT(inSources.size(), 300u);

    const QSet<QString> wanted = messageKeys(inSources);
    const QSet<QString> russian = messageKeys(readTs(kResources + QStringLiteral("chokepoint_ru.ts")));
    auto readable = [](QString key) { return key.replace(QChar(0x1F), QStringLiteral(" | ")).toStdString(); };
    for (const QString &key : wanted - russian)
        ADD_FAILURE() << "not in chokepoint_ru.ts (run update_translations): " << readable(key);
    for (const QString &key : russian - wanted)
        ADD_FAILURE() << "in chokepoint_ru.ts but no longer in the sources: " << readable(key);
    EXPECT_EQ(messageKeys(readTs(kResources + QStringLiteral("chokepoint_en.ts"))), messageKeys(inSources, true));
}

TEST(Translations, InstallingRussianTranslatesOursAndQtsOwn)
{
    ASSERT_TRUE(installLanguage(Language::Russian));
    EXPECT_EQ(QCoreApplication::translate("chokepoint::ui::MainWindow", "&File"), QStringLiteral("&Файл"));
    EXPECT_EQ(Charts::tr("%n action(s) chosen by hand", nullptr, 21),
              QStringLiteral("21 действие, выбранное вручную"));
    EXPECT_EQ(Charts::tr("%n action(s) chosen by hand", nullptr, 3),
              QStringLiteral("3 действия, выбранных вручную"));
    EXPECT_EQ(Charts::tr("%n action(s) chosen by hand", nullptr, 11),
              QStringLiteral("11 действий, выбранных вручную"));
    EXPECT_EQ(QLocale().language(), QLocale::Russian); // numbers are written the Russian way
    const bool qtHasRussian =
        QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_ru.qm"));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    const QString cancel = buttons.button(QDialogButtonBox::Cancel)->text();
    ASSERT_TRUE(installLanguage(Language::English));
    if (!qtHasRussian)
        GTEST_SKIP() << "Qt's own Russian translation is not installed (qt6-translations-l10n)";
    EXPECT_EQ(cancel, QStringLiteral("Отмена"));
}

// --- the command line ------------------------------------------------------------------------------------

TEST(CommandLine, LangPicksTheLanguageAndRefusesOneThereIsNot)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    auto run = [&](const QStringList &arguments) {
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path()); // no one's saved settings
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(QStringLiteral(CHOKEPOINT_GUI), arguments);
        EXPECT_TRUE(gui.waitForFinished(60000));
        return std::pair(gui.exitCode(), QString::fromUtf8(gui.readAllStandardError()));
    };
    const QString shot = dir.filePath(QStringLiteral("ru.png"));
    const auto [ok, okErr] =
        run({QStringLiteral("--lang"), QStringLiteral("ru"), QStringLiteral("--screenshot"), shot,
             QStringLiteral("--size"), QStringLiteral("800x600")});
    EXPECT_EQ(ok, 0) << okErr.toStdString();
    EXPECT_TRUE(QFile::exists(shot));
    const auto [bad, badErr] = run({QStringLiteral("--lang"), QStringLiteral("fr"),
                                    QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("fr.png"))});
    EXPECT_EQ(bad, 2);
    EXPECT_TRUE(badErr.contains(QStringLiteral("fr"))) << badErr.toStdString();
    EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("fr.png"))));
}

} // namespace
} // namespace chokepoint::ui
