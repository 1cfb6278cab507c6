#pragma once

#include "model/model.h"
#include "util/problem.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chokepoint {

/// Why JSON text could not be parsed: what is wrong, and the 1-based line (0 when unknown).
struct JsonParseFailure
{
    enum class Kind { Syntax, TooDeep, TooManyKeys, NumberTooLarge };
    Kind kind = Kind::Syntax;
    std::string message;
    int line = 0;
};

/// How deep a JSON file may nest: the format nests about 8 deep, anything deeper is not a model.
inline constexpr int kMaxJsonDepth = 64;
/// How deep a document's JSON column may nest: the deepest column (an edge's evidence) sits four
/// levels down in the JSON file, so whatever a document holds can be written as a JSON file.
inline constexpr int kMaxJsonColumnDepth = kMaxJsonDepth - 4;

/// The most keys one JSON object may have: far more than any model object holds.
inline constexpr std::size_t kMaxJsonObjectKeys = 10'000;

/**
 * Parses `text` into `out`, refusing containers nested deeper than `maxDepth` and objects of more
 * than kMaxJsonObjectKeys keys before they are built (building and destroying deep values
 * recurses; each key of an ordered object is found by a linear search). Time is linear in
 * the text. Every error nlohmann can raise while parsing —
 * bad syntax, a number too large for a double ("1e999") — comes back as a failure, never as an
 * exception; nullopt means `out` holds the value.
 */
std::optional<JsonParseFailure> parseJsonText(std::string_view text, int maxDepth, Json &out);

// Per-struct JSON, shared by the JSON format (jsonformat.cpp) and the `.chokepoint` document
// (documentfile.cpp), so both spell every struct the same way. Writers put the known fields in a
// fixed order, leave out empty optional ones, then append unknown fields in their original order.

Json sourcesJson(const Sources &sources);
/// A bare id string for a hard edge without evidence, else an object {node, type, note, …}.
Json dependencyJson(const Dependency &d);
Json gateJson(const Gate &g);
Json nodeJson(const Node &n);
Json actionsJson(const Actions &actions);
Json scenarioJson(const Scenario &s);
Json infoJson(const ModelInfo &info);

/**
 * Turns JSON values into model structs, checking every type and collecting each problem (with the
 * file and the node or scenario it is about) instead of stopping at the first.
 *
 * The element readers (readSources, readStringList…) report against the current subject, set by
 * setSubject() or by the struct readers (readNode sets the node's id, readScenario the scenario's).
 */
class JsonFieldReader
{
public:
    explicit JsonFieldReader(std::string file) : m_file(std::move(file)) {}

    /// Records a problem about `id` (a node, a scenario, "model" or nothing).
    void fail(const std::string &id, std::string message, const char *subject = "node");
    /// Sets whom the element readers' problems are about.
    void setSubject(std::string id, const char *subject = "node");

    bool ok() const { return m_problems.empty(); }
    Problems takeProblems() { return std::move(m_problems); }

    // Struct readers: the JSON format's object for each struct.
    void readInfo(const Json &v, ModelInfo &info);
    void readNode(const Json &v, std::size_t index, Node &node);
    void readScenario(const Json &v, std::size_t index, Scenario &s);

    // Element readers; each returns false (after recording a problem) when the value is malformed.
    bool readString(const Json &v, const char *field, std::string &out);
    void readStringList(const Json &v, const char *field, std::vector<std::string> &out);
    /// Sets `out` to the object `v`; an empty `v` leaves `out` as it is (its default).
    void readObject(const Json &v, const char *field, Json &out);
    void readConfidence(const Json &v, Confidence &out);
    void readSources(const Json &v, Sources &out);
    void readGate(const Json &v, Gate &out);
    void readDependency(const Json &v, Dependency &out);
    void readActions(const Json &v, Actions &out);

private:
    void readSource(const Json &v, Source &out);
    void readStep(const Json &v, Step &out);
    void readExpectation(const Json &v, Expectation &out);

    std::string m_file;
    Problems m_problems;
    std::string m_id;
    const char *m_subject = "node";
};

} // namespace chokepoint
