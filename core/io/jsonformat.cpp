#include "io/jsonformat.h"

#include "io/jsonfields.h"
#include "model/validate.h"

#include <algorithm>
#include <fstream>
#include <initializer_list>
#include <sstream>

namespace chokepoint {
namespace {



/// Turns a JSON DOM into a model; the per-struct work is JsonFieldReader's (io/jsonfields.h).
class Reader
{
public:
    explicit Reader(const std::string &file) : m_fields(file) {}

    Model read(const Json &doc)
    {
        Model model;
        if (!doc.is_object()) {
            m_fields.fail("", "the top level is not a JSON object");
            throw InputError(m_fields.takeProblems());
        }
        checkHeader(doc);
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            const std::string &key = it.key();
            if (key == "format" || key == "version")
                continue;
            if (key == "model")
                m_fields.readInfo(*it, model.info);
            else if (key == "nodes")
                readNodes(*it, model);
            else if (key == "scenarios")
                readScenarios(*it, model);
            else
                model.topExtra[key] = *it;
        }
        if (!m_fields.ok())
            throw InputError(m_fields.takeProblems());
        return model;
    }

private:
    void checkHeader(const Json &doc)
    {
        auto format = doc.find("format");
        if (format == doc.end() || !format->is_string() || *format != kFormatName)
            m_fields.fail("", "\"format\" must be \"chokepoint\"");
        auto version = doc.find("version");
        if (version == doc.end() || !version->is_number_integer())
            m_fields.fail("", "\"version\" must be an integer");
        else if (version->get<long long>() > kFormatVersion)
            m_fields.fail("", "format version " + std::to_string(version->get<long long>()) +
                                  " is newer than this program reads (" + std::to_string(kFormatVersion) +
                                  ")");
        else if (version->get<long long>() < 1)
            m_fields.fail("", "\"version\" must be at least 1");
    }

    void readNodes(const Json &v, Model &model)
    {
        if (!v.is_array()) {
            m_fields.fail("", "\"nodes\" must be a list");
            return;
        }
        model.nodes.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            m_fields.readNode(v[i], i, model.nodes[i]);
    }

    void readScenarios(const Json &v, Model &model)
    {
        if (!v.is_array()) {
            m_fields.fail("", "\"scenarios\" must be a list");
            return;
        }
        model.scenarios.resize(v.size());
        for (std::size_t i = 0; i < v.size(); ++i)
            m_fields.readScenario(v[i], i, model.scenarios[i]);
    }

    JsonFieldReader m_fields;
};

/// Dumps `j` pretty-printed, every line after the first indented by `indent` more spaces.
std::string indented(const Json &j, int indent)
{
    std::string text = j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (char c : text) {
        out += c;
        if (c == '\n')
            out += pad;
    }
    return out;
}

template <typename T, typename F>
void writeList(std::ostream &out, const char *key, const std::vector<T> &items, F toJson, bool last)
{
    out << "  \"" << key << "\": [";
    for (std::size_t i = 0; i < items.size(); ++i)
        out << (i ? ",\n    " : "\n    ") << indented(toJson(items[i]), 4);
    out << (items.empty() ? "]" : "\n  ]") << (last ? "\n" : ",\n");
}

} // namespace

Model parseJsonModel(std::string_view text, const std::string &file)
{
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw InputError(file, "the file is empty");
    Json doc;
    if (auto failure = parseJsonText(text, kMaxJsonDepth, doc)) {
        const bool deep = failure->kind == JsonParseFailure::Kind::TooDeep;
        throw InputError(file, (deep ? "JSON is " : "not valid JSON: ") + failure->message, failure->line);
    }
    Model model = Reader(file).read(doc);
    model.reindex();
    Problems problems = validate(model, file);
    if (!problems.empty())
        throw InputError(std::move(problems));
    return model;
}

std::string readFileText(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "cannot open the file for reading");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad())
        throw InputError(path, "reading the file failed");
    return std::move(buffer).str();
}

Model readJsonModel(const std::string &path)
{
    const std::string text = readFileText(path);
    return parseJsonModel(text, path);
}

void writeJsonModel(const Model &model, std::ostream &out)
{
    out << "{\n  \"format\": \"" << kFormatName << "\",\n  \"version\": " << kFormatVersion << ",\n";
    out << "  \"model\": " << indented(infoJson(model.info), 2) << ",\n";
    writeList(out, "nodes", model.nodes, nodeJson, false);
    writeList(out, "scenarios", model.scenarios, scenarioJson, model.topExtra.empty());
    for (auto it = model.topExtra.begin(); it != model.topExtra.end(); ++it) {
        out << "  " << dumpJson(Json(it.key())) << ": " << indented(*it, 2)
            << (std::next(it) == model.topExtra.end() ? "\n" : ",\n");
    }
    out << "}\n";
}

std::string toJsonText(const Model &model)
{
    std::ostringstream out;
    writeJsonModel(model, out);
    return std::move(out).str();
}

} // namespace chokepoint
