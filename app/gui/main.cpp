// chokepoint: the desktop application. Parses the command line and hands over to MainWindow.
#include "document/document.h"
#include "i18n/translator.h"
#include "mainwindow.h"
#include "map/mapview.h"
#include "present/presenter.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>
#include <QTimer>
#include <QUndoStack>

#include <cstring>
#include <iostream>

namespace {

bool wantsScreenshot(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--screenshot") == 0)
            return true;
    }
    return false;
}

QSize parseSize(const QString &text, bool *ok)
{
    const QStringList parts = text.toLower().split(QLatin1Char('x'));
    bool okW = false, okH = false;
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(&okW), parts[1].toInt(&okH)) : QSize();
    *ok = okW && okH && size.width() >= 320 && size.height() >= 240 && size.width() <= 10000 && size.height() <= 10000;
    return size;
}

} // namespace

int main(int argc, char **argv)
{
    // A screenshot renders offscreen, so it works on a machine without a display.
    if (wantsScreenshot(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(chokepoint); // the resources live in the static chokepoint_ui library
    QApplication::setApplicationName(QStringLiteral("Chokepoint"));
    QApplication::setOrganizationName(QStringLiteral("Chokepoint"));
    QApplication::setApplicationVersion(QStringLiteral(CHOKEPOINT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.chokepoint.Chokepoint"));
    chokepoint::ui::installLanguage(chokepoint::ui::preferredLanguage()); // --lang, below, may change it

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "What on people's phones stops working when a government blocks part of the network, and why."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE"),
                                 QApplication::translate("main", "A .chokepoint, .json or MEF .xml model to open."),
                                 QStringLiteral("[FILE]"));
    const QCommandLineOption scenario(QStringLiteral("scenario"), QApplication::translate("main", "Apply scenario ID."),
                                      QStringLiteral("ID"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QApplication::translate("main", "Render the window to OUT.png and exit."),
                                        QStringLiteral("OUT.png"));
    const QCommandLineOption size(QStringLiteral("size"), QApplication::translate("main", "Window size, e.g. 1600x1000."),
                                  QStringLiteral("WxH"), QStringLiteral("1600x1000"));
    const QCommandLineOption present(QStringLiteral("present"),
                                     QApplication::translate("main", "Start in presentation mode (F5 toggles it, Esc leaves)."));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  QApplication::translate("main",
                                                          "Interface language: en or ru (for this run; "
                                                          "the View menu's choice is remembered)."),
                                  QStringLiteral("LANG"));
    parser.addOptions({scenario, screenshot, size, present, lang});
    parser.process(app);
    if (parser.isSet(lang)) {
        const auto language = chokepoint::ui::languageFromCode(parser.value(lang));
        if (!language) {
            std::cerr << "chokepoint: no interface language '" << parser.value(lang).toStdString()
                      << "'; --lang takes en or ru\n";
            return 2;
        }
        if (!chokepoint::ui::installLanguage(*language))
            std::cerr << "chokepoint: the translation for '" << parser.value(lang).toStdString()
                      << "' could not be loaded; the interface stays as it was\n";
    }

    bool sizeOk = false;
    const QSize windowSize = parseSize(parser.value(size), &sizeOk);
    if (!sizeOk) {
        std::cerr << "chokepoint: --size must be WxH, e.g. 1600x1000\n";
        return 2;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() > 1) {
        std::cerr << "chokepoint: give at most one FILE\n";
        return 2;
    }

    chokepoint::ui::MainWindow window;
    const bool headless = parser.isSet(screenshot);
    if (!files.isEmpty()) {
        if (!window.openFile(files.first(), headless)) {
            if (headless) {
                std::cerr << window.lastError().toStdString() << "\n";
                return 3;
            }
            window.openShippedModel();
        }
    } else {
        const QString last = QSettings().value(QStringLiteral("lastFile")).toString();
        if (headless || last.isEmpty() || !window.openFile(last, true))
            window.openShippedModel();
    }
    if (!window.document()) {
        std::cerr << "chokepoint: the shipped model could not be loaded\n";
        return 1;
    }
    if (parser.isSet(scenario)) {
        auto *doc = window.document();
        if (!doc->model().scenario(parser.value(scenario).toStdString())) {
            std::cerr << "chokepoint: unknown scenario '" << parser.value(scenario).toStdString() << "'\n";
            return 2;
        }
        doc->applyScenario(parser.value(scenario));
        doc->undoStack()->clear(); // the starting point, not an edit to undo
    }

    window.resize(windowSize);
    window.show();
    if (parser.isSet(present))
        window.presenter()->enter(!headless); // a screenshot keeps --size rather than the screen's
    if (headless) {
        QApplication::processEvents();
        window.mapView()->focusOnAffected();
        QApplication::processEvents();
        const QImage image = window.grab().toImage();
        if (!image.save(parser.value(screenshot))) {
            std::cerr << "chokepoint: cannot write " << parser.value(screenshot).toStdString() << "\n";
            return 1;
        }
        return 0;
    }
    return QApplication::exec();
}
