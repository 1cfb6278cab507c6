#include "i18n/language.h"

#include "document/document.h"

namespace chokepoint::ui {

namespace {

Language g_language = Language::English;

/// `i18n[code][field]` when it is a non-empty string, else `fallback`.
QString localized(const Json &i18n, const char *field, const std::string &fallback)
{
    if (g_language != Language::English && i18n.is_object()) {
        const auto lang = i18n.find(sstr(languageCode(g_language)));
        if (lang != i18n.end() && lang->is_object()) {
            const auto text = lang->find(field);
            if (text != lang->end() && text->is_string() && !text->get_ref<const std::string &>().empty())
                return qstr(text->get<std::string>());
        }
    }
    return qstr(fallback);
}

} // namespace

Language currentLanguage() { return g_language; }

void setModelTextLanguage(Language language) { g_language = language; }

QString languageCode(Language language)
{
    return language == Language::Russian ? QStringLiteral("ru") : QStringLiteral("en");
}

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

} // namespace chokepoint::ui
