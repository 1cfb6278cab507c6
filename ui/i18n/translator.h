#pragma once

#include "i18n/language.h"

#include <QString>
#include <optional>

namespace chokepoint::ui {

/**
 * Puts the interface in `language`: takes out the translators installed for the language before,
 * installs Chokepoint's own (:/i18n/chokepoint_<code>.qm, built from resources/chokepoint_<code>.ts)
 * and Qt's (qtbase_<code>.qm from Qt's translations folder, for the standard dialogs and buttons;
 * a missing one is not an error), reads model texts in that language (setModelTextLanguage) and formats
 * numbers its way (QLocale::setDefault). Every top-level widget then gets a LanguageChange event
 * (posted: it arrives once control is back in the event loop) and translates itself again.
 *
 * Returns false, changing nothing, when Chokepoint's own translation for `language` cannot be
 * loaded.
 */
bool installLanguage(Language language);

/// The language of the system's locale when Chokepoint has it, else English.
Language systemLanguage();
/// The language the user last chose from the menu (the "language" setting), if any.
std::optional<Language> savedLanguage();
/// Remembers `language` as the user's choice for the next start.
void saveLanguage(Language language);
/// The language to start in: the user's saved choice, else the system's (`--lang` overrides both).
Language preferredLanguage();

/// The name of `language` in that language ("English", "Русский"): how the menu lists it.
QString nativeLanguageName(Language language);

} // namespace chokepoint::ui
