#include "io/jsonfields.h"

#include <algorithm>
#include <cctype>

namespace chokepoint {
namespace {

int lineOfOffset(std::string_view text, std::size_t offset)
{
    offset = std::min(offset, text.size());
    return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

/// Calls visit(i) for each offset i of `text` that is outside a string and no quote, until it
/// returns false.
template <typename F> void forEachOutsideStrings(std::string_view text, F visit)
{
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (!visit(i)) {
            return;
        }
    }
}

/// Where the number token `token` first stands in `text` outside a string, or npos.
std::size_t findNumberToken(std::string_view text, std::string_view token)
{
    auto partOfNumber = [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.' || c == 'e' ||
               c == 'E';
    };
    std::size_t found = std::string_view::npos;
    forEachOutsideStrings(text, [&](std::size_t i) {
        if (text.substr(i, token.size()) == token && (i == 0 || !partOfNumber(text[i - 1])) &&
            (i + token.size() == text.size() || !partOfNumber(text[i + token.size()])))
            found = i;
        return found == std::string_view::npos;
    });
    return found;
}

/// The token nlohmann quotes in "number overflow parsing '1e999'", or "".
std::string_view quotedToken(std::string_view what)
{
    const auto open = what.find('\'');
    const auto close = what.rfind('\'');
    if (open == std::string_view::npos || close <= open)
        return {};
    return what.substr(open + 1, close - open - 1);
}

/// Where JSON text first nests containers deeper than `maxDepth` or gives one object more than
/// `maxKeys` keys: one linear pass that skips strings and leaves every other check to the parser.
struct ShapeProblem
{
    JsonParseFailure::Kind kind;
    std::size_t offset;
};

std::optional<ShapeProblem> checkShape(std::string_view text, int maxDepth, std::size_t maxKeys)
{
    struct Open
    {
        bool object;
        std::size_t keys;
    };
    std::vector<Open> open;
    std::optional<ShapeProblem> problem;
    forEachOutsideStrings(text, [&](std::size_t i) {
        const char c = text[i];
        if (c == '{' || c == '[') {
            open.push_back(Open{c == '{', 0});
            if (open.size() > static_cast<std::size_t>(maxDepth))
                problem = ShapeProblem{JsonParseFailure::Kind::TooDeep, i};
        } else if (c == '}' || c == ']') {
            if (!open.empty())
                open.pop_back();
        } else if (c == ',' && !open.empty() && open.back().object && ++open.back().keys >= maxKeys) {
            problem = ShapeProblem{JsonParseFailure::Kind::TooManyKeys, i};
        }
        return !problem;
    });
    return problem;
}

} // namespace

std::optional<JsonParseFailure> parseJsonText(std::string_view text, int maxDepth, Json &out)
{
    // Deep nesting and huge objects are refused before nlohmann sees them: building and
    // destroying deep values recurses, and its ordered objects find each key by a linear search,
    // so an object of 80,000 keys took ten seconds. (A parse callback could watch the depth, but
    // with one nlohmann rescans the parent after every object: quadratic in an array of nodes.)
    using Failure = JsonParseFailure::Kind;
    if (const auto shape = checkShape(text, maxDepth, kMaxJsonObjectKeys)) {
        const int line = lineOfOffset(text, shape->offset);
        if (shape->kind == Failure::TooDeep)
            return JsonParseFailure{Failure::TooDeep, "nested more than " + std::to_string(maxDepth) + " levels deep", line};
        return JsonParseFailure{Failure::TooManyKeys,
                                "an object has more than " + std::to_string(kMaxJsonObjectKeys) + " fields", line};
    }
    try {
        out = Json::parse(text.begin(), text.end());
        return std::nullopt;
    } catch (const nlohmann::json::parse_error &e) {
        const std::string_view what = e.what();
        const auto at = what.find("parse error");
        return JsonParseFailure{Failure::Syntax, std::string(at == std::string_view::npos ? what : what.substr(at)),
                                lineOfOffset(text, e.byte)};
    } catch (const nlohmann::json::out_of_range &e) {
        // Error 406: a number that no double holds. nlohmann names the token, not where it is.
        const std::string_view token = quotedToken(e.what());
        const std::size_t at = token.empty() ? std::string_view::npos : findNumberToken(text, token);
        return JsonParseFailure{Failure::NumberTooLarge,
                                "the number " + std::string(token) + " is too large to hold",
                                at == std::string_view::npos ? 0 : lineOfOffset(text, at)};
    } catch (const nlohmann::json::exception &e) {
        return JsonParseFailure{Failure::Syntax, e.what(), 0};
    }
}

// --- reading ---

void JsonFieldReader::fail(const std::string &id, std::string message, const char *subject)
{
    Problem p{m_file, id, 0, std::move(message)};
    p.subject = subject;
    m_problems.push_back(std::move(p));
}

void JsonFieldReader::setSubject(std::string id, const char *subject)
{
    m_id = std::move(id);
    m_subject = subject;
}

bool JsonFieldReader::readString(const Json &v, const char *field, std::string &out)
{
    if (!v.is_string()) {
        fail(m_id, std::string("field \"") + field + "\" must be a string", m_subject);
        return false;
    }
    out = v.get<std::string>();
    return true;
}

void JsonFieldReader::readStringList(const Json &v, const char *field, std::vector<std::string> &out)
{
    if (!v.is_array()) {
        fail(m_id, std::string("field \"") + field + "\" must be a list of strings", m_subject);
        return;
    }
    for (const Json &item : v) {
        std::string s;
        if (readString(item, field, s))
            out.push_back(std::move(s));
    }
}

void JsonFieldReader::readObject(const Json &v, const char *field, Json &out)
{
    if (!v.is_object())
        fail(m_id, std::string("field \"") + field + "\" must be an object", m_subject);
    else if (!v.empty()) // an empty object says nothing: `out` keeps its default, {} or null
        out = v;
}

void JsonFieldReader::readConfidence(const Json &v, Confidence &out)
{
    std::string s;
    if (!readString(v, "confidence", s))
        return;
    auto c = parseConfidence(s);
    if (!c)
        fail(m_id, "confidence \"" + s + "\" is not one of high, medium, low", m_subject);
    else
        out = *c;
}

void JsonFieldReader::readSource(const Json &v, Source &out)
{
    if (!v.is_object()) {
        fail(m_id, "a source must be an object {url, title, date, grade}", m_subject);
        return;
    }
    bool hasGrade = false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "url")
            readString(*it, "url", out.url);
        else if (key == "title")
            readString(*it, "title", out.title);
        else if (key == "date")
            readString(*it, "date", out.date);
        else if (key == "grade") {
            std::string g;
            if (readString(*it, "grade", g)) {
                auto grade = parseGrade(g);
                if (!grade)
                    fail(m_id,
                         "source grade \"" + g +
                             "\" is not one of vendor, measurement, press, reverse-engineered, inference",
                         m_subject);
                else {
                    out.grade = *grade;
                    hasGrade = true;
                }
            }
        } else
            out.extra[key] = *it;
    }
    if (!hasGrade)
        fail(m_id, "a source has no grade", m_subject);
}

void JsonFieldReader::readSources(const Json &v, Sources &out)
{
    if (!v.is_array()) {
        fail(m_id, "field \"sources\" must be a list", m_subject);
        return;
    }
    for (const Json &item : v) {
        Source s;
        readSource(item, s);
        out.push_back(std::move(s));
    }
}

void JsonFieldReader::readInfo(const Json &v, ModelInfo &info)
{
    m_subject = "model";
    m_id.clear();
    if (!v.is_object()) {
        fail("", "\"model\" must be an object");
        return;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "id")
            readString(*it, "id", info.id);
        else if (key == "title")
            readString(*it, "title", info.title);
        else if (key == "description")
            readString(*it, "description", info.description);
        else if (key == "defaultScenario")
            readString(*it, "defaultScenario", info.defaultScenario);
        else if (key == "sources")
            readSources(*it, info.sources);
        else if (key == "i18n")
            readObject(*it, "i18n", info.i18n);
        else
            info.extra[key] = *it;
    }
}

void JsonFieldReader::readGate(const Json &v, Gate &out)
{
    if (v.is_string() && v == "all")
        out = Gate{GateKind::All, 0};
    else if (v.is_string() && v == "any")
        out = Gate{GateKind::Any, 0};
    else if (v.is_object() && v.size() == 1 && v.contains("atLeast") && v["atLeast"].is_number_integer()) {
        const long long k = v["atLeast"].get<long long>();
        out = Gate{GateKind::AtLeast, static_cast<int>(std::clamp<long long>(k, -1, 1 << 30))};
    } else
        fail(m_id, "gate must be \"all\", \"any\" or {\"atLeast\": k}");
}

void JsonFieldReader::readDependency(const Json &v, Dependency &out)
{
    if (v.is_string()) {
        out.node = v.get<std::string>();
        return;
    }
    if (!v.is_object()) {
        fail(m_id, "a dependency must be an id or an object {node, type, …}");
        return;
    }
    bool hasNode = false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "node")
            hasNode = readString(*it, "node", out.node);
        else if (key == "type") {
            std::string t;
            if (readString(*it, "type", t)) {
                auto type = parseDepType(t);
                if (!type)
                    fail(m_id, "dependency type \"" + t + "\" is not one of hard, fallback, soft");
                else
                    out.type = *type;
            }
        } else if (key == "note")
            readString(*it, "note", out.mutableEvidence().note);
        else if (key == "date")
            readString(*it, "date", out.mutableEvidence().date);
        else if (key == "sources")
            readSources(*it, out.mutableEvidence().sources);
        else if (key == "confidence")
            readConfidence(*it, out.mutableEvidence().confidence);
        else
            out.mutableEvidence().extra[key] = *it;
    }
    if (!hasNode)
        fail(m_id, "a dependency has no \"node\"");
    out.mutableEvidence(); // written as an object: keep the object form on save
}

void JsonFieldReader::readNode(const Json &v, std::size_t index, Node &node)
{
    m_subject = "node";
    m_id = "#" + std::to_string(index + 1);
    if (!v.is_object()) {
        fail(m_id, "a node must be an object");
        return;
    }
    auto idIt = v.find("id");
    if (idIt == v.end() || !idIt->is_string()) {
        fail(m_id, "node has no string \"id\"");
    } else {
        node.id = idIt->get<std::string>();
        m_id = node.id;
    }
    bool hasKind = false;
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "id")
            continue;
        if (key == "name")
            readString(*it, "name", node.name);
        else if (key == "kind") {
            std::string k;
            if (readString(*it, "kind", k)) {
                auto kind = parseKind(k);
                if (!kind)
                    fail(m_id, "kind \"" + k + "\" is not a known kind");
                else {
                    node.kind = *kind;
                    hasKind = true;
                }
            }
        } else if (key == "gate")
            readGate(*it, node.gate);
        else if (key == "dependsOn") {
            if (!it->is_array()) {
                fail(m_id, "field \"dependsOn\" must be a list");
                continue;
            }
            node.dependsOn.reserve(it->size());
            for (const Json &d : *it) {
                Dependency dep;
                readDependency(d, dep);
                node.dependsOn.push_back(std::move(dep));
            }
        } else if (key == "blockable") {
            if (!it->is_boolean())
                fail(m_id, "field \"blockable\" must be true or false");
            else
                node.blockable = it->get<bool>();
        } else if (key == "users") {
            if (!it->is_number_integer())
                fail(m_id, "field \"users\" must be a whole number");
            else if (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t{kMaxUsers})
                node.users = std::numeric_limits<std::int64_t>::max(); // validation names it as too many
            else
                node.users = it->get<std::int64_t>();
        } else if (key == "category")
            readString(*it, "category", node.category);
        else if (key == "owner")
            readString(*it, "owner", node.owner);
        else if (key == "description")
            readString(*it, "description", node.description);
        else if (key == "sources")
            readSources(*it, node.sources);
        else if (key == "confidence")
            readConfidence(*it, node.confidence);
        else if (key == "tags")
            readStringList(*it, "tags", node.tags);
        else if (key == "i18n")
            readObject(*it, "i18n", node.i18n);
        else
            node.extra[key] = *it;
    }
    if (!hasKind && v.find("kind") == v.end())
        fail(m_id, "node has no \"kind\"");
}

void JsonFieldReader::readActions(const Json &v, Actions &out)
{
    if (!v.is_array()) {
        fail(m_id, "field \"actions\" must be a list", m_subject);
        return;
    }
    for (const Json &a : v) {
        if (!a.is_object()) {
            fail(m_id, "an action must be an object {node, action}", m_subject);
            continue;
        }
        Action action;
        bool hasNode = false, hasType = false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            if (it.key() == "node")
                hasNode = readString(*it, "node", action.node);
            else if (it.key() == "action") {
                std::string t;
                if (readString(*it, "action", t)) {
                    auto type = parseActionType(t);
                    if (!type)
                        fail(m_id, "action \"" + t + "\" is not one of block, throttle, enable", m_subject);
                    else {
                        action.type = *type;
                        hasType = true;
                    }
                }
            } else
                action.extra[it.key()] = *it;
        }
        if (!hasNode || !hasType)
            fail(m_id, "an action needs both \"node\" and \"action\"", m_subject);
        out.push_back(std::move(action));
    }
}

void JsonFieldReader::readStep(const Json &v, Step &out)
{
    if (!v.is_object()) {
        fail(m_id, "a step must be an object {title, date, actions}", m_subject);
        return;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "title")
            readString(*it, "title", out.title);
        else if (key == "date")
            readString(*it, "date", out.date);
        else if (key == "notes")
            readString(*it, "notes", out.notes);
        else if (key == "actions")
            readActions(*it, out.actions);
        else if (key == "i18n")
            readObject(*it, "i18n", out.i18n);
        else
            out.extra[key] = *it;
    }
}

void JsonFieldReader::readExpectation(const Json &v, Expectation &out)
{
    if (!v.is_object()) {
        fail(m_id, "field \"expect\" must be an object {failed, degraded, ok}", m_subject);
        return;
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
        if (it.key() == "failed")
            readStringList(*it, "expect.failed", out.failed);
        else if (it.key() == "degraded")
            readStringList(*it, "expect.degraded", out.degraded);
        else if (it.key() == "ok")
            readStringList(*it, "expect.ok", out.ok);
        else
            out.extra[it.key()] = *it;
    }
}

void JsonFieldReader::readScenario(const Json &v, std::size_t index, Scenario &s)
{
    m_subject = "scenario";
    m_id = "#" + std::to_string(index + 1);
    if (!v.is_object()) {
        fail(m_id, "a scenario must be an object", m_subject);
        return;
    }
    auto idIt = v.find("id");
    if (idIt == v.end() || !idIt->is_string())
        fail(m_id, "scenario has no string \"id\"", m_subject);
    else
        m_id = s.id = idIt->get<std::string>();
    for (auto it = v.begin(); it != v.end(); ++it) {
        const std::string &key = it.key();
        if (key == "id")
            continue;
        if (key == "title")
            readString(*it, "title", s.title);
        else if (key == "date")
            readString(*it, "date", s.date);
        else if (key == "description")
            readString(*it, "description", s.description);
        else if (key == "actions")
            readActions(*it, s.actions);
        else if (key == "targets")
            readStringList(*it, "targets", s.targets);
        else if (key == "steps") {
            if (!it->is_array()) {
                fail(m_id, "field \"steps\" must be a list", m_subject);
                continue;
            }
            for (const Json &st : *it) {
                Step parsed;
                readStep(st, parsed);
                s.steps.push_back(std::move(parsed));
            }
        } else if (key == "expect")
            readExpectation(*it, s.expect);
        else if (key == "sources")
            readSources(*it, s.sources);
        else if (key == "i18n")
            readObject(*it, "i18n", s.i18n);
        else
            s.extra[key] = *it;
    }
}

// --- writing ---

namespace {

void putIfNotEmpty(Json &j, const char *key, const std::string &value)
{
    if (!value.empty())
        j[key] = value;
}

void putExtra(Json &j, const Json &extra)
{
    for (auto it = extra.begin(); it != extra.end(); ++it)
        j[it.key()] = *it;
}

Json sourceJson(const Source &s)
{
    Json j = Json::object();
    j["url"] = s.url;
    putIfNotEmpty(j, "title", s.title);
    putIfNotEmpty(j, "date", s.date);
    j["grade"] = std::string(toString(s.grade));
    putExtra(j, s.extra);
    return j;
}

} // namespace

Json sourcesJson(const Sources &sources)
{
    Json j = Json::array();
    for (const Source &s : sources)
        j.push_back(sourceJson(s));
    return j;
}

Json dependencyJson(const Dependency &d)
{
    const DependencyEvidence *ev = d.evidence();
    if (d.type == DepType::Hard && !ev)
        return d.node;
    Json j = Json::object();
    j["node"] = d.node;
    j["type"] = std::string(toString(d.type));
    if (ev) {
        putIfNotEmpty(j, "note", ev->note);
        putIfNotEmpty(j, "date", ev->date);
        if (!ev->sources.empty())
            j["sources"] = sourcesJson(ev->sources);
        if (ev->confidence != Confidence::Unset)
            j["confidence"] = std::string(toString(ev->confidence));
        putExtra(j, ev->extra);
    }
    return j;
}

Json gateJson(const Gate &g)
{
    switch (g.kind) {
    case GateKind::All:
        return "all";
    case GateKind::Any:
        return "any";
    case GateKind::AtLeast:
        return Json{{"atLeast", g.k}};
    }
    return "all";
}

Json nodeJson(const Node &n)
{
    Json j = Json::object();
    j["id"] = n.id;
    j["name"] = n.name;
    j["kind"] = std::string(toString(n.kind));
    if (n.gate.kind != GateKind::All)
        j["gate"] = gateJson(n.gate);
    if (!n.dependsOn.empty()) {
        Json deps = Json::array();
        for (const Dependency &d : n.dependsOn)
            deps.push_back(dependencyJson(d));
        j["dependsOn"] = std::move(deps);
    }
    if (n.blockable)
        j["blockable"] = true;
    if (n.users != 0)
        j["users"] = n.users;
    putIfNotEmpty(j, "category", n.category);
    putIfNotEmpty(j, "owner", n.owner);
    putIfNotEmpty(j, "description", n.description);
    if (!n.sources.empty())
        j["sources"] = sourcesJson(n.sources);
    if (n.confidence != Confidence::Unset)
        j["confidence"] = std::string(toString(n.confidence));
    if (!n.tags.empty())
        j["tags"] = n.tags;
    if (!n.i18n.empty())
        j["i18n"] = n.i18n;
    putExtra(j, n.extra);
    return j;
}

Json actionsJson(const Actions &actions)
{
    Json j = Json::array();
    for (const Action &a : actions) {
        Json aj = Json::object();
        aj["node"] = a.node;
        aj["action"] = std::string(toString(a.type));
        putExtra(aj, a.extra);
        j.push_back(std::move(aj));
    }
    return j;
}

Json scenarioJson(const Scenario &s)
{
    Json j = Json::object();
    j["id"] = s.id;
    putIfNotEmpty(j, "title", s.title);
    putIfNotEmpty(j, "date", s.date);
    putIfNotEmpty(j, "description", s.description);
    j["actions"] = actionsJson(s.actions);
    if (!s.targets.empty())
        j["targets"] = s.targets;
    if (!s.steps.empty()) {
        Json steps = Json::array();
        for (const Step &st : s.steps) {
            Json sj = Json::object();
            putIfNotEmpty(sj, "title", st.title);
            putIfNotEmpty(sj, "date", st.date);
            putIfNotEmpty(sj, "notes", st.notes);
            sj["actions"] = actionsJson(st.actions);
            if (!st.i18n.empty())
                sj["i18n"] = st.i18n;
            putExtra(sj, st.extra);
            steps.push_back(std::move(sj));
        }
        j["steps"] = std::move(steps);
    }
    if (!s.expect.empty()) {
        Json e = Json::object();
        if (!s.expect.failed.empty())
            e["failed"] = s.expect.failed;
        if (!s.expect.degraded.empty())
            e["degraded"] = s.expect.degraded;
        if (!s.expect.ok.empty())
            e["ok"] = s.expect.ok;
        putExtra(e, s.expect.extra);
        j["expect"] = std::move(e);
    }
    if (!s.sources.empty())
        j["sources"] = sourcesJson(s.sources);
    if (!s.i18n.empty())
        j["i18n"] = s.i18n;
    putExtra(j, s.extra);
    return j;
}

Json infoJson(const ModelInfo &info)
{
    Json j = Json::object();
    j["id"] = info.id;
    j["title"] = info.title;
    putIfNotEmpty(j, "description", info.description);
    putIfNotEmpty(j, "defaultScenario", info.defaultScenario);
    if (!info.sources.empty())
        j["sources"] = sourcesJson(info.sources);
    if (!info.i18n.empty())
        j["i18n"] = info.i18n;
    putExtra(j, info.extra);
    return j;
}

} // namespace chokepoint
