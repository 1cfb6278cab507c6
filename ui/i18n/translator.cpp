#include "i18n/translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <memory>

namespace chokepoint::ui {
namespace {

const QString kLanguageSetting = QStringLiteral("language");

/// The translators in force, so that the next switch can take them out again.
struct Installed
{
    std::unique_ptr<QTranslator> qt;  ///< Qt's own, for its dialogs and buttons; may be null
    std::unique_ptr<QTranslator> own; ///< Chokepoint's
};

Installed &installed()
{
    static Installed translators;
    return translators;
}

QLocale::Language qtLanguage(Language language)
{
    return language == Language::Russian ? QLocale::Russian : QLocale::English;
}

/// Numbers are written the way the interface's language writes them; the system's own locale
/// wins when it is in that language (en_GB stays en_GB).
QLocale numberLocale(Language language)
{
    const QLocale system = QLocale::system();
    if (languageFromCode(system.name()) == language)
        return system;
    return language == Language::Russian ? QLocale(QLocale::Russian, QLocale::Russia)
                                         : QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

bool installLanguage(Language language)
{
    auto own = std::make_unique<QTranslator>();
    if (!own->load(QStringLiteral(":/i18n/chokepoint_%1.qm").arg(languageCode(language))))
        return false;
    auto qt = std::make_unique<QTranslator>();
    if (language == Language::English ||
        !qt->load(QLocale(qtLanguage(language)), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        qt.reset(); // Qt's English is its source text; a missing file leaves Qt's dialogs in English

    Installed &now = installed();
    for (QTranslator *old : {now.own.get(), now.qt.get()}) {
        if (old)
            QCoreApplication::removeTranslator(old);
    }
    // Looked up newest first: ours before Qt's.
    if (qt)
        QCoreApplication::installTranslator(qt.get());
    QCoreApplication::installTranslator(own.get());
    now.qt = std::move(qt);
    now.own = std::move(own);

    setModelTextLanguage(language);
    QLocale::setDefault(numberLocale(language));
    return true;
}

Language systemLanguage()
{
    for (const QString &name : QLocale::system().uiLanguages()) {
        if (const auto language = languageFromCode(name))
            return *language;
    }
    return Language::English;
}

std::optional<Language> savedLanguage()
{
    const QString code = QSettings().value(kLanguageSetting).toString();
    return code.isEmpty() ? std::nullopt : languageFromCode(code);
}

void saveLanguage(Language language)
{
    QSettings().setValue(kLanguageSetting, languageCode(language));
}

Language preferredLanguage()
{
    return savedLanguage().value_or(systemLanguage());
}

QString nativeLanguageName(Language language)
{
    // Each in its own language, so a user who cannot read the current one still finds theirs.
    return language == Language::Russian ? QStringLiteral("Русский") : QStringLiteral("English");
}

} // namespace chokepoint::ui
