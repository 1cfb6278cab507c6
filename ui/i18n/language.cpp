#include "i18n/language.h"

#include "document/document.h"

namespace chokepoint::ui {

namespace {

Language g_language = Language::English;

const char *codeOf(Language language) { return language == Language::Russian ? "ru" : "en"; }

/// `i18n[code]` for the current language when it is an object; null for English or none.
const Json *currentEntry(const Json &i18n)
{
    if (g_language == Language::English || !i18n.is_object())
        return nullptr;
    const auto lang = i18n.find(codeOf(g_language));
    return lang != i18n.end() && lang->is_object() ? &*lang : nullptr;
}

/// `object[key]` when it is a non-empty string, else null.
const std::string *nonEmptyString(const Json &object, const std::string &key)
{
    const auto text = object.find(key);
    if (text == object.end() || !text->is_string() || text->get_ref<const std::string &>().empty())
        return nullptr;
    return &text->get_ref<const std::string &>();
}

/// `i18n[code][field]` when it is a non-empty string, else `fallback`.
QString localized(const Json &i18n, const char *field, const std::string &fallback)
{
    if (const Json *entry = currentEntry(i18n)) {
        if (const std::string *text = nonEmptyString(*entry, field))
            return qstr(*text);
    }
    return qstr(fallback);
}

} // namespace

Language currentLanguage() { return g_language; }

void setModelTextLanguage(Language language) { g_language = language; }

QString languageCode(Language language) { return QString::fromLatin1(codeOf(language)); }

std::optional<Language> languageFromCode(const QString &code)
{
    const QString base = code.section(QLatin1Char('_'), 0, 0).section(QLatin1Char('-'), 0, 0).toLower();
    if (base == QLatin1String("ru"))
        return Language::Russian;
    if (base == QLatin1String("en") || base == QLatin1String("c"))
        return Language::English;
    return std::nullopt;
}

QString nodeName(const Node &node) { return localized(node.i18n, "name", node.name); }
QString nodeDescription(const Node &node) { return localized(node.i18n, "description", node.description); }
QString scenarioTitle(const Scenario &scenario)
{
    return localized(scenario.i18n, "title", scenario.title.empty() ? scenario.id : scenario.title);
}
QString scenarioDescription(const Scenario &scenario)
{
    return localized(scenario.i18n, "description", scenario.description);
}
QString stepTitle(const Step &step) { return localized(step.i18n, "title", step.title); }
QString stepNotes(const Step &step) { return localized(step.i18n, "notes", step.notes); }
QString modelTitle(const ModelInfo &info) { return localized(info.i18n, "title", info.title); }
QString modelDescription(const ModelInfo &info) { return localized(info.i18n, "description", info.description); }

QString categoryName(const ModelInfo &info, const std::string &category)
{
    if (const Json *entry = currentEntry(info.i18n)) {
        const auto categories = entry->find("categories");
        if (categories != entry->end() && categories->is_object()) {
            if (const std::string *name = nonEmptyString(*categories, category))
                return qstr(*name);
        }
    }
    QString name = qstr(category);
    return name.replace(QLatin1Char('-'), QLatin1Char(' ')).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace chokepoint::ui
