#pragma once

#include "model/model.h"

#include <QString>

namespace chokepoint::ui {

/// The interface languages Chokepoint ships. English is the source language and the fallback.
enum class Language { English, Russian };

/// The language the interface and the model's texts are shown in now.
Language currentLanguage();
/// "en" or "ru".
QString languageCode(Language language);
/// The language named by `code` ("en", "ru", "ru_RU", …); nullopt when Chokepoint has none.
std::optional<Language> languageFromCode(const QString &code);

/**
 * Model texts in the current language: the node's (or scenario's, or step's) `i18n` entry for
 * it when there is one and it is not empty, else the English field (DESIGN.md §2). A scenario
 * with no title is called by its id.
 */
QString nodeName(const Node &node);
QString nodeDescription(const Node &node);
QString scenarioTitle(const Scenario &scenario);
QString scenarioDescription(const Scenario &scenario);
QString stepTitle(const Step &step);
QString stepNotes(const Step &step);
QString modelTitle(const ModelInfo &info);
QString modelDescription(const ModelInfo &info);
/**
 * A node category for people: the model's `i18n.<code>.categories` entry for it ("messaging" →
 * "мессенджеры") when there is one, else the category itself with hyphens and underscores read as
 * spaces ("apple-core" → "apple core").
 */
QString categoryName(const ModelInfo &info, const std::string &category);

/// Sets the language model texts are read in. (Installing the interface's translators is the
/// job of the translation module; this only switches the model texts.)
void setModelTextLanguage(Language language);

} // namespace chokepoint::ui
