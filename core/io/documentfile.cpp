#include "io/documentfile.h"

#include "io/jsonfields.h"
#include "model/validate.h"
#include "util/parallel.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <sqlite3.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <unordered_map>

namespace chokepoint {
namespace {

/*
 * The document schema, version 2 (PRAGMA user_version = 2, PRAGMA application_id = 'CHKP').
 *
 *   model          one row per part of the model: key 'info' holds the JSON format's "model"
 *                  object ({id, title, description, defaultScenario, sources, i18n, …unknown});
 *                  key 'extra' (only when there are any) the unknown top-level fields as an object.
 *   nodes          one row per node, idx = its position in the model (0, 1, 2… without gaps).
 *                  kind is the JSON spelling ("platform-service"); gate is "all", "any" or
 *                  "atLeast:K"; blockable is 0/1; confidence is NULL when unset. extra is NULL
 *                  when the node has no sources, tags, i18n or unknown fields, else a JSON object
 *                  {"sources": [...], "tags": [...], "i18n": {...}, "extra": {...unknown fields}}
 *                  holding the non-empty ones. deps is the node's dependsOn list, packed: four
 *                  bytes per edge, little-endian, (type << 30) | the target's idx, with type
 *                  0 hard, 1 fallback, 2 soft; NULL when the node depends on nothing.
 *   edge_evidence  one row per edge that carries evidence: node = the dependent's idx, pos = the
 *                  edge's place in its dependsOn list; evidence is a JSON object {"note", "date",
 *                  "sources", "confidence", "extra"} of its non-empty parts ("{}" for evidence
 *                  that is present but empty). An edge without a row is a bare id in JSON.
 *   scenarios      one row per scenario in order; json is the JSON format's scenario object.
 *   positions      node id → map position; pinned is 0/1.
 *   view_settings  free key/value text.
 *
 * and the index nodes_id, which makes node ids unique.
 *
 * Version 1 (still read) kept one row per edge in a table edges(node, pos, dep, type, evidence)
 * and had no deps column. A million-app model has six million edges: reading them as rows took
 * longer than all the rest of the document, reading them as one blob per node takes a fraction.
 */
constexpr const char *kSchema = R"sql(
CREATE TABLE model(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE nodes(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT, kind TEXT, gate TEXT,
                   blockable INTEGER, users INTEGER, category TEXT, owner TEXT, description TEXT,
                   confidence TEXT, extra TEXT, deps BLOB);
CREATE TABLE edge_evidence(node INTEGER, pos INTEGER, evidence TEXT, PRIMARY KEY(node, pos)) WITHOUT ROWID;
CREATE TABLE scenarios(idx INTEGER PRIMARY KEY, id TEXT, json TEXT);
CREATE TABLE positions(node TEXT PRIMARY KEY, x REAL, y REAL, pinned INTEGER);
CREATE TABLE view_settings(key TEXT PRIMARY KEY, value TEXT);
)sql";
// Node ids are unique. The index is made after the nodes are in: sorting once is faster than
// inserting two million ids into a b-tree one by one.
constexpr const char *kNodeIdIndex = "CREATE UNIQUE INDEX nodes_id ON nodes(id)";

/// The packing of one edge in nodes.deps: the type in the top two bits, the target's idx below.
constexpr int kDepTypeShift = 30;
constexpr std::uint32_t kDepTargetMask = (std::uint32_t{1} << kDepTypeShift) - 1;
constexpr std::size_t kPackedDepSize = 4;

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::size_t kSqliteHeaderSize = 100;
constexpr const char *kNotOurs = "not a Chokepoint document";

struct DbCloser
{
    void operator()(sqlite3 *db) const { sqlite3_close_v2(db); }
};
struct StmtFinalizer
{
    void operator()(sqlite3_stmt *st) const { sqlite3_finalize(st); }
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

/// A TEXT (or NULL) column as a view valid until the next step; NULL reads as "".
std::string_view textColumn(sqlite3_stmt *st, int col)
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, col));
    if (!p)
        return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(st, col))};
}

bool isNull(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL;
}

std::uint32_t bigEndian32(const unsigned char *p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

// --- the JSON columns ---

std::string gateText(const Gate &g)
{
    switch (g.kind) {
    case GateKind::All:
        return "all";
    case GateKind::Any:
        return "any";
    case GateKind::AtLeast:
        return "atLeast:" + std::to_string(g.k);
    }
    return "all";
}

std::optional<Gate> parseGateText(std::string_view s)
{
    if (s.empty() || s == "all")
        return Gate{GateKind::All, 0};
    if (s == "any")
        return Gate{GateKind::Any, 0};
    constexpr std::string_view prefix = "atLeast:";
    if (s.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    int k = 0;
    const char *end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data() + prefix.size(), end, k);
    if (ec != std::errc() || p != end)
        return std::nullopt;
    return Gate{GateKind::AtLeast, k};
}

/// The node's `extra` column, or "" (stored as NULL) when it has nothing to put there.
std::string nodeExtraText(const Node &n)
{
    if (n.sources.empty() && n.tags.empty() && n.i18n.empty() && n.extra.empty())
        return {};
    Json j = Json::object();
    if (!n.sources.empty())
        j["sources"] = sourcesJson(n.sources);
    if (!n.tags.empty())
        j["tags"] = n.tags;
    if (!n.i18n.empty())
        j["i18n"] = n.i18n;
    if (!n.extra.empty())
        j["extra"] = n.extra;
    return dumpJson(j);
}

std::string evidenceText(const DependencyEvidence &ev)
{
    Json j = Json::object();
    if (!ev.note.empty())
        j["note"] = ev.note;
    if (!ev.date.empty())
        j["date"] = ev.date;
    if (!ev.sources.empty())
        j["sources"] = sourcesJson(ev.sources);
    if (ev.confidence != Confidence::Unset)
        j["confidence"] = std::string(toString(ev.confidence));
    if (!ev.extra.empty())
        j["extra"] = ev.extra;
    return dumpJson(j);
}

// --- reading ---

/// One read-only connection to a document, opened with SQLite's defensive settings; every
/// failure becomes an InputError naming the file.
class Connection
{
public:
    explicit Connection(const std::string &path) : m_path(path)
    {
        sqlite3 *db = nullptr;
        // NOMUTEX: each connection is used by one thread only.
        const int rc =
            sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr);
        m_db.reset(db);
        if (rc != SQLITE_OK)
            failSqlite("opening the database");
        // DESIGN.md §4: the file may come from anyone. No extensions, no functions or virtual
        // tables from the schema, no triggers or views, and b-tree cells checked as they are read.
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
        if (sqlite3_exec(db,
                         "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA cache_size=-16384;",
                         nullptr, nullptr, nullptr) != SQLITE_OK)
            failSqlite("setting up the connection");
    }

    [[noreturn]] void fail(const std::string &message) const { throw InputError(m_path, message); }

    /// Fails with SQLite's own words for the last error, saying what was being done.
    [[noreturn]] void failSqlite(const std::string &what) const
    {
        const int code = m_db ? sqlite3_errcode(m_db.get()) : SQLITE_NOMEM;
        const std::string detail = m_db ? sqlite3_errmsg(m_db.get()) : "out of memory";
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            fail("the document is damaged (" + what + ": " + detail + ")");
        fail(what + " failed: " + detail);
    }

    StmtPtr prepare(const char *sql, const std::string &what)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql, -1, &st, nullptr) != SQLITE_OK)
            failSqlite(what);
        return StmtPtr(st);
    }

    /// The first column of the only row of `sql`; `fallback` when it is NULL.
    std::int64_t queryInt(const char *sql, const std::string &what, std::int64_t fallback = 0)
    {
        StmtPtr st = prepare(sql, what);
        if (sqlite3_step(st.get()) != SQLITE_ROW)
            failSqlite(what);
        return isNull(st.get(), 0) ? fallback : sqlite3_column_int64(st.get(), 0);
    }

    /// Steps `st`, calling `row` for each row; a failed step ends in an InputError.
    template <typename F> void forEachRow(sqlite3_stmt *st, const char *table, F row)
    {
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            row(st);
        if (rc != SQLITE_DONE)
            failSqlite(std::string("reading table '") + table + "'");
    }

private:
    const std::string &m_path;
    DbPtr m_db;
};

/**
 * Turns a document's rows into model structs. Several may read disjoint ranges of nodes and edges
 * at once, each on its own thread with its own connection; problems with the data are collected
 * (and reported together at the end), damage to the file ends the read at once.
 */
class RowReader
{
public:
    explicit RowReader(const std::string &path) : m_db(path), m_fields(path) {}

    Connection &connection() { return m_db; }
    Problems takeProblems() { return m_fields.takeProblems(); }

    void readModelTable(Model &model)
    {
        StmtPtr st = m_db.prepare("SELECT key, value FROM model", "reading table 'model'");
        bool hasInfo = false;
        m_db.forEachRow(st.get(), "model", [&](sqlite3_stmt *row) {
            const std::string key(textColumn(row, 0));
            Json value;
            if (!parseJson(textColumn(row, 1), "", "model.value", value, "model"))
                return;
            if (key == "info") {
                hasInfo = true;
                m_fields.readInfo(value, model.info);
            } else if (key == "extra") {
                m_fields.setSubject("", "model");
                m_fields.readObject(value, "extra", model.topExtra);
            } else
                m_fields.fail("", "table 'model' has an unknown key '" + key + "'", "model");
        });
        if (!hasInfo)
            m_fields.fail("", "table 'model' has no 'info' row", "model");
    }

    /// Fills nodes[range] from the rows with those idx, which must all be there. With
    /// `packedDeps` (schema 2) each dependsOn gets its edges' types and targets, but not yet
    /// their ids: those may be in another reader's range. resolveDependencyIds() adds them.
    void readNodes(std::vector<Node> &nodes, IndexRange range, bool packedDeps)
    {
        StmtPtr st = m_db.prepare(packedDeps ? "SELECT idx, id, name, kind, gate, blockable, users, category, owner, "
                                               "description, confidence, extra, deps FROM nodes "
                                               "WHERE idx >= ? AND idx < ? ORDER BY idx"
                                             : "SELECT idx, id, name, kind, gate, blockable, users, category, owner, "
                                               "description, confidence, extra FROM nodes "
                                               "WHERE idx >= ? AND idx < ? ORDER BY idx",
                                  "reading table 'nodes'");
        sqlite3_bind_int64(st.get(), 1, static_cast<sqlite3_int64>(range.begin));
        sqlite3_bind_int64(st.get(), 2, static_cast<sqlite3_int64>(range.end));
        std::size_t next = range.begin;
        m_db.forEachRow(st.get(), "nodes", [&](sqlite3_stmt *row) {
            // The query asks for idx in the range, but a table whose idx is not an INTEGER PRIMARY
            // KEY compares text with numbers its own way: every row is checked before it is used.
            if (sqlite3_column_type(row, 0) != SQLITE_INTEGER)
                m_db.fail("table 'nodes' is malformed: idx must be a whole number, not \"" +
                          std::string(textColumn(row, 0)) + "\"");
            if (next >= range.end || sqlite3_column_int64(row, 0) != static_cast<std::int64_t>(next))
                failGap(next);
            Node &node = nodes[next++];
            readNodeRow(row, node);
            if (packedDeps)
                readPackedDeps(row, 12, nodes.size(), node);
        });
        if (next != range.end)
            failGap(next);
    }

    /// Names the target of each edge readNodes() unpacked in nodes[range] by its id.
    void resolveDependencyIds(std::vector<Node> &nodes, IndexRange range) const
    {
        std::size_t k = 0;
        for (std::size_t i = range.begin; i < range.end; ++i) {
            for (Dependency &dep : nodes[i].dependsOn)
                dep.node = nodes[m_targets[k++]].id;
        }
    }

    /// The target index of every edge read, in (node, pos) order: the model's resolved edges.
    std::vector<std::uint32_t> takeTargets() { return std::move(m_targets); }

    /// Schema 1: streams the edges of nodes[range], grouped by dependent node, into each
    /// dependsOn, sized exactly. Only the dependsOn of nodes in `range` are written; other nodes'
    /// ids are read.
    void readEdges(std::vector<Node> &nodes, IndexRange range)
    {
        std::vector<Dependency> group;
        std::size_t current = range.begin;
        auto flush = [&] {
            std::vector<Dependency> &deps = nodes[current].dependsOn;
            deps.reserve(deps.size() + group.size());
            std::move(group.begin(), group.end(), std::back_inserter(deps));
            group.clear();
        };
        StmtPtr st = m_db.prepare("SELECT node, dep, type, evidence FROM edges WHERE node >= ? AND node < ? "
                                  "ORDER BY node, pos",
                                  "reading table 'edges'");
        sqlite3_bind_int64(st.get(), 1, static_cast<sqlite3_int64>(range.begin));
        sqlite3_bind_int64(st.get(), 2, static_cast<sqlite3_int64>(range.end));
        m_db.forEachRow(st.get(), "edges", [&](sqlite3_stmt *row) {
            // The query asks for this range, but a damaged b-tree can break the promise.
            const std::int64_t node = sqlite3_column_int64(row, 0);
            if (node < static_cast<std::int64_t>(range.begin) || node >= static_cast<std::int64_t>(range.end))
                m_db.fail("the document is damaged (table 'edges' is out of order)");
            const auto from = static_cast<std::size_t>(node);
            if (from != current) {
                flush();
                current = from;
            }
            readEdgeRow(row, nodes, nodes[from].id, group);
        });
        if (!group.empty())
            flush();
    }

    /// Schema 2: attaches the evidence rows to their edges.
    void readEdgeEvidence(std::vector<Node> &nodes)
    {
        StmtPtr st = m_db.prepare("SELECT node, pos, evidence FROM edge_evidence ORDER BY node, pos",
                                  "reading table 'edge_evidence'");
        m_db.forEachRow(st.get(), "edge_evidence", [&](sqlite3_stmt *row) {
            const std::int64_t node = sqlite3_column_int64(row, 0);
            const std::int64_t pos = sqlite3_column_int64(row, 1);
            if (node < 0 || node >= static_cast<std::int64_t>(nodes.size()))
                m_db.fail("table 'edge_evidence' is malformed: it names node index " + std::to_string(node) +
                          ", but there are " + std::to_string(nodes.size()) + " nodes");
            Node &from = nodes[static_cast<std::size_t>(node)];
            if (pos < 0 || pos >= static_cast<std::int64_t>(from.dependsOn.size())) {
                m_fields.fail(from.id, "table 'edge_evidence' names dependency " + std::to_string(pos) +
                                           ", but the node has " + std::to_string(from.dependsOn.size()));
                return;
            }
            readEvidence(textColumn(row, 2), from.id,
                         from.dependsOn[static_cast<std::size_t>(pos)].mutableEvidence());
        });
    }

    void readScenarios(Model &model)
    {
        StmtPtr st = m_db.prepare("SELECT id, json FROM scenarios ORDER BY idx", "reading table 'scenarios'");
        m_db.forEachRow(st.get(), "scenarios", [&](sqlite3_stmt *row) {
            const std::string id(textColumn(row, 0));
            Json j;
            Scenario &s = model.scenarios.emplace_back();
            if (!parseJson(textColumn(row, 1), id, "json", j, "scenario"))
                return;
            if (!j.is_object()) {
                m_fields.fail(id, "column 'json' must hold a JSON object", "scenario");
                return;
            }
            m_fields.readScenario(j, model.scenarios.size() - 1, s);
            if (s.id != id)
                m_fields.fail(id, "column 'id' does not match the scenario's JSON id '" + s.id + "'",
                              "scenario");
        });
    }

    void readPositions(DocumentData &doc)
    {
        StmtPtr st = m_db.prepare("SELECT node, x, y, pinned FROM positions", "reading table 'positions'");
        m_db.forEachRow(st.get(), "positions", [&](sqlite3_stmt *row) {
            const NodePosition p{sqlite3_column_double(row, 1), sqlite3_column_double(row, 2),
                                 sqlite3_column_int64(row, 3) != 0};
            // A map cannot place a node at infinity; such a row is damage, not a position.
            if (!std::isfinite(p.x) || !std::isfinite(p.y))
                m_db.fail("table 'positions' is malformed: node '" + std::string(textColumn(row, 0)) +
                          "' is placed at (" + std::to_string(p.x) + ", " + std::to_string(p.y) + ")");
            doc.positions.emplace_hint(doc.positions.end(), std::string(textColumn(row, 0)), p);
        });
    }

    void readViewSettings(DocumentData &doc)
    {
        StmtPtr st = m_db.prepare("SELECT key, value FROM view_settings", "reading table 'view_settings'");
        m_db.forEachRow(st.get(), "view_settings", [&](sqlite3_stmt *row) {
            doc.viewSettings.emplace_hint(doc.viewSettings.end(), std::string(textColumn(row, 0)),
                                          std::string(textColumn(row, 1)));
        });
    }

private:
    [[noreturn]] void failGap(std::size_t idx) const
    {
        m_db.fail("table 'nodes' is malformed: idx must run 0, 1, 2… without gaps, and " +
                  std::to_string(idx) + " is missing");
    }

    /// Parses a JSON column; on failure records a problem about `id` and returns false.
    bool parseJson(std::string_view text, const std::string &id, const char *column, Json &out,
                   const char *subject = "node")
    {
        auto failure = parseJsonText(text, kMaxJsonColumnDepth, out);
        if (!failure)
            return true;
        if (failure->kind == JsonParseFailure::Kind::TooDeep)
            m_fields.fail(id, std::string("column '") + column + "' is nested too deep", subject);
        else
            m_fields.fail(id, std::string("column '") + column + "' is not valid JSON: " + failure->message, subject);
        return false;
    }

    void readNodeRow(sqlite3_stmt *row, Node &node)
    {
        node.id = textColumn(row, 1);
        node.name = textColumn(row, 2);
        if (auto kind = parseKind(textColumn(row, 3)))
            node.kind = *kind;
        else
            m_fields.fail(node.id, "kind \"" + std::string(textColumn(row, 3)) + "\" is not a known kind");
        if (auto gate = parseGateText(textColumn(row, 4)))
            node.gate = *gate;
        else
            m_fields.fail(node.id,
                          "gate \"" + std::string(textColumn(row, 4)) + "\" is not all, any or atLeast:K");
        node.blockable = sqlite3_column_int64(row, 5) != 0;
        if (!isNull(row, 6) && sqlite3_column_type(row, 6) != SQLITE_INTEGER)
            m_fields.fail(node.id, "users is not a whole number");
        node.users = sqlite3_column_int64(row, 6);
        node.category = textColumn(row, 7);
        node.owner = textColumn(row, 8);
        node.description = textColumn(row, 9);
        if (!isNull(row, 10)) {
            if (auto c = parseConfidence(textColumn(row, 10)))
                node.confidence = *c;
            else
                m_fields.fail(node.id, "confidence \"" + std::string(textColumn(row, 10)) +
                                           "\" is not one of high, medium, low");
        }
        if (!isNull(row, 11))
            readNodeExtra(textColumn(row, 11), node);
    }

    /// Unpacks nodes.deps (see the schema) into node.dependsOn, types only, and the targets.
    void readPackedDeps(sqlite3_stmt *row, int col, std::size_t nodeCount, Node &node)
    {
        const int type = sqlite3_column_type(row, col);
        if (type == SQLITE_NULL)
            return;
        const auto *bytes = static_cast<const unsigned char *>(sqlite3_column_blob(row, col));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(row, col));
        if (type != SQLITE_BLOB || size % kPackedDepSize != 0) {
            m_fields.fail(node.id, "column 'deps' is malformed: it must be a blob of 4 bytes per edge");
            return;
        }
        // A node depends on each other node at most once: a longer list is damage, and must not
        // size a vector.
        if (size / kPackedDepSize > nodeCount) {
            m_fields.fail(node.id, "column 'deps' is malformed: it lists " + std::to_string(size / kPackedDepSize) +
                                       " edges, more than there are nodes");
            return;
        }
        node.dependsOn.reserve(size / kPackedDepSize);
        for (std::size_t at = 0; at < size; at += kPackedDepSize) {
            const std::uint32_t packed = static_cast<std::uint32_t>(bytes[at]) |
                                         static_cast<std::uint32_t>(bytes[at + 1]) << 8 |
                                         static_cast<std::uint32_t>(bytes[at + 2]) << 16 |
                                         static_cast<std::uint32_t>(bytes[at + 3]) << 24;
            addEdge(node.id, packed & kDepTargetMask, packed >> kDepTypeShift, nodeCount, node.dependsOn);
        }
    }

    /// Adds an edge of `from` to the node with index `to` (its id still empty) and records the
    /// target; a target or type out of range is recorded as a problem instead.
    Dependency *addEdge(const std::string &from, std::int64_t to, std::int64_t type, std::size_t nodeCount,
                        std::vector<Dependency> &deps)
    {
        if (to < 0 || to >= static_cast<std::int64_t>(nodeCount)) {
            m_fields.fail(from, "depends on node index " + std::to_string(to) + ", which does not exist");
            return nullptr;
        }
        if (type < 0 || type > static_cast<std::int64_t>(DepType::Soft)) {
            m_fields.fail(from, "dependency type " + std::to_string(type) +
                                    " is not 0 (hard), 1 (fallback) or 2 (soft)");
            return nullptr;
        }
        m_targets.push_back(static_cast<std::uint32_t>(to));
        return &deps.emplace_back(std::string(), static_cast<DepType>(type));
    }

    void readNodeExtra(std::string_view text, Node &node)
    {
        Json j;
        if (!parseJson(text, node.id, "extra", j))
            return;
        m_fields.setSubject(node.id);
        if (!j.is_object()) {
            m_fields.fail(node.id, "column 'extra' must hold a JSON object");
            return;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "sources")
                m_fields.readSources(*it, node.sources);
            else if (it.key() == "tags")
                m_fields.readStringList(*it, "tags", node.tags);
            else if (it.key() == "i18n")
                m_fields.readObject(*it, "i18n", node.i18n);
            else if (it.key() == "extra")
                m_fields.readObject(*it, "extra", node.extra);
            else
                m_fields.fail(node.id, "column 'extra' has an unknown field \"" + it.key() + "\"");
        }
    }

    void readEdgeRow(sqlite3_stmt *row, const std::vector<Node> &nodes, const std::string &from,
                     std::vector<Dependency> &group)
    {
        const std::int64_t to = sqlite3_column_int64(row, 1);
        Dependency *dep = addEdge(from, to, sqlite3_column_int64(row, 2), nodes.size(), group);
        if (!dep)
            return;
        dep->node = nodes[static_cast<std::size_t>(to)].id;
        if (!isNull(row, 3))
            readEvidence(textColumn(row, 3), from, dep->mutableEvidence());
    }

    void readEvidence(std::string_view text, const std::string &nodeId, DependencyEvidence &ev)
    {
        Json j;
        if (!parseJson(text, nodeId, "evidence", j))
            return;
        m_fields.setSubject(nodeId);
        if (!j.is_object()) {
            m_fields.fail(nodeId, "column 'evidence' must hold a JSON object");
            return;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (it.key() == "note")
                m_fields.readString(*it, "note", ev.note);
            else if (it.key() == "date")
                m_fields.readString(*it, "date", ev.date);
            else if (it.key() == "sources")
                m_fields.readSources(*it, ev.sources);
            else if (it.key() == "confidence")
                m_fields.readConfidence(*it, ev.confidence);
            else if (it.key() == "extra")
                m_fields.readObject(*it, "extra", ev.extra);
            else
                m_fields.fail(nodeId, "column 'evidence' has an unknown field \"" + it.key() + "\"");
        }
    }

    Connection m_db;
    JsonFieldReader m_fields;
    std::vector<std::uint32_t> m_targets;
};

/// Checks the SQLite header before SQLite sees the file: its magic, and that the file is whole.
void checkHeader(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw InputError(path, "cannot open the file for reading");
    std::array<unsigned char, kSqliteHeaderSize> header{};
    in.read(reinterpret_cast<char *>(header.data()), header.size());
    const auto got = static_cast<std::size_t>(in.gcount());
    if (got == 0)
        throw InputError(path, std::string(kNotOurs) + " (the file is empty)");
    if (got < kSqliteMagic.size() ||
        std::memcmp(header.data(), kSqliteMagic.data(), kSqliteMagic.size()) != 0)
        throw InputError(path, std::string(kNotOurs) + " (not an SQLite database)");
    if (got < kSqliteHeaderSize)
        throw InputError(path, "the document is truncated (" + std::to_string(got) +
                                   " bytes, shorter than its header)");
    // The page size is at offset 16 (1 meaning 65536), the page count at 28; the count is valid
    // when the change counter at 24 matches the version-valid-for number at 92.
    const std::uint64_t pageSize =
        header[16] == 0 && header[17] == 1 ? 65536 : (header[16] << 8) | header[17];
    const std::uint64_t pages = bigEndian32(&header[28]);
    if (pages == 0 || bigEndian32(&header[24]) != bigEndian32(&header[92]))
        return;
    std::error_code ec;
    const std::uint64_t size = std::filesystem::file_size(path, ec);
    if (!ec && size < pageSize * pages)
        throw InputError(path, "the document is truncated (" + std::to_string(size) +
                                   " bytes; its header says " + std::to_string(pageSize * pages) + ")");
}

/// Checks that the file is a Chokepoint document this version can read; returns its schema.
int checkIdentity(Connection &db)
{
    if (db.queryInt("PRAGMA application_id", "reading the application id") != kDocumentApplicationId)
        db.fail(std::string(kNotOurs) + " (an SQLite database of another application)");
    const std::int64_t version = db.queryInt("PRAGMA user_version", "reading the schema version");
    if (version > kDocumentSchemaVersion)
        db.fail("written by a newer Chokepoint (schema " + std::to_string(version) +
                "; this version reads up to " + std::to_string(kDocumentSchemaVersion) + ")");
    if (version < 1)
        db.fail("the document has no valid schema version (" + std::to_string(version) + ")");
    return static_cast<int>(version);
}

/// The number of nodes: the rows of table 'nodes', which must be idx 0, 1, 2… In schema 1, checks
/// that the edges leave only those nodes, so that reading by ranges of nodes misses no row.
std::size_t nodeCount(Connection &db, int schema)
{
    // The vector of nodes is sized from this, so it must be what the file holds, not what it
    // claims: count(*) counts rows that are there (from the smallest index, the ids'), and the
    // first and last idx must agree with it. readNodes() checks every row on its way in.
    const std::int64_t rows = db.queryInt("SELECT count(*) FROM nodes", "reading table 'nodes'", 0);
    const std::int64_t first = db.queryInt("SELECT min(idx) FROM nodes", "reading table 'nodes'", 0);
    const std::int64_t last = db.queryInt("SELECT max(idx) FROM nodes", "reading table 'nodes'", -1);
    if (rows > 0 && first != 0)
        db.fail("table 'nodes' is malformed: idx must start at 0, not " + std::to_string(first));
    if (last != rows - 1)
        db.fail("table 'nodes' is malformed: idx must run 0, 1, 2… without gaps, but its " + std::to_string(rows) +
                " rows end at idx " + std::to_string(last));
    if (static_cast<std::uint64_t>(rows) > kDepTargetMask + std::uint64_t{1})
        db.fail("table 'nodes' has " + std::to_string(rows) + " rows, more than a document can index");
    const std::int64_t count = rows;
    if (schema >= 2)
        return static_cast<std::size_t>(count);
    const std::int64_t firstFrom = db.queryInt("SELECT min(node) FROM edges", "reading table 'edges'", 0);
    const std::int64_t lastFrom = db.queryInt("SELECT max(node) FROM edges", "reading table 'edges'", -1);
    if (firstFrom < 0 || lastFrom >= count)
        db.fail("table 'edges' is malformed: an edge leaves node index " +
                std::to_string(firstFrom < 0 ? firstFrom : lastFrom) + ", but there are " +
                std::to_string(count) + " nodes");
    return static_cast<std::size_t>(count);
}

/// How many connections read a document of `n` nodes at once: one for small documents, where a
/// thread costs more than it saves, up to four (or the number of cores) for large ones.
std::size_t readerCount(std::size_t n)
{
    constexpr std::size_t kNodesPerReader = 50'000;
    return threadsFor(n, kNodesPerReader);
}

DocumentData readDocumentData(const std::string &path)
{
    checkHeader(path);
    std::vector<std::unique_ptr<RowReader>> readers;
    readers.push_back(std::make_unique<RowReader>(path));
    RowReader &main = *readers.front();
    const int schema = checkIdentity(main.connection());
    const bool packedDeps = schema >= 2;

    DocumentData doc;
    Model &model = doc.model;
    main.readModelTable(model);
    model.nodes.resize(nodeCount(main.connection(), schema));
    const std::vector<IndexRange> ranges = splitRange(model.nodes.size(), readerCount(model.nodes.size()));
    const bool parallel = ranges.size() > 1;
    while (readers.size() < ranges.size())
        readers.push_back(std::make_unique<RowReader>(path));
    runTasks(ranges.size(), parallel,
             [&](std::size_t i) { readers[i]->readNodes(model.nodes, ranges[i], packedDeps); });
    if (packedDeps) {
        runTasks(ranges.size(), parallel,
                 [&](std::size_t i) { readers[i]->resolveDependencyIds(model.nodes, ranges[i]); });
        main.readEdgeEvidence(model.nodes);
    } else {
        runTasks(ranges.size(), parallel, [&](std::size_t i) { readers[i]->readEdges(model.nodes, ranges[i]); });
    }
    std::vector<std::uint32_t> targets = readers.front()->takeTargets();
    for (std::size_t i = 1; i < readers.size(); ++i) {
        const std::vector<std::uint32_t> more = readers[i]->takeTargets();
        targets.insert(targets.end(), more.begin(), more.end());
    }
    model.reindex(std::move(targets)); // the rows name their targets by index: no id lookups
    main.readScenarios(model);
    main.readPositions(doc);
    main.readViewSettings(doc);

    Problems problems;
    for (auto &reader : readers) {
        Problems more = reader->takeProblems();
        problems.insert(problems.end(), std::make_move_iterator(more.begin()),
                        std::make_move_iterator(more.end()));
    }
    if (problems.empty())
        problems = validate(model, path);
    if (!problems.empty())
        throw InputError(std::move(problems));
    return doc;
}

// --- writing ---

/// A new file next to the target, removed again unless it was renamed into place.
class TempFile
{
public:
    explicit TempFile(const std::string &target)
    {
        static constexpr std::string_view chars =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        std::random_device rd;
        int error = EEXIST;
        for (int attempt = 0; attempt < 100; ++attempt) {
            std::string name = target + ".tmp-";
            for (int i = 0; i < 6; ++i)
                name += chars[rd() % chars.size()];
            // open() rather than mkstemp(): the file gets the user's umask, not 0600.
            const int fd = ::open(name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (fd >= 0) {
                ::close(fd);
                m_path = std::move(name);
                return;
            }
            error = errno;
            if (error != EEXIST)
                break;
        }
        throw InputError(target,
                         std::string("cannot create a temporary file next to it: ") + std::strerror(error));
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    ~TempFile()
    {
        if (m_path.empty())
            return;
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
        std::filesystem::remove(m_path + "-journal", ec);
    }

    const std::string &path() const { return m_path; }
    void release() { m_path.clear(); }

private:
    std::string m_path;
};

/// Fills one fresh SQLite file with a document; failures throw an InputError naming `target`.
class DocumentWriter
{
public:
    DocumentWriter(const std::string &target, const std::string &file) : m_target(target)
    {
        sqlite3 *db = nullptr;
        const int rc =
            sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
        m_db.reset(db);
        if (rc != SQLITE_OK)
            failSqlite("opening the temporary file");
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        // Durability comes from fsync + rename after close, so the bulk write needs no journal.
        exec("PRAGMA page_size=65536; PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; "
             "PRAGMA locking_mode=EXCLUSIVE; PRAGMA cache_size=-262144;");
    }

    void write(const DocumentData &doc)
    {
        exec(("PRAGMA application_id=" + std::to_string(kDocumentApplicationId) +
              "; PRAGMA user_version=" + std::to_string(kDocumentSchemaVersion) + ";")
                 .c_str());
        exec("BEGIN");
        exec(kSchema);
        writeModelTable(doc.model);
        writeNodes(doc.model);
        indexNodeIds(); // a duplicate id is reported before an unknown dependency
        if (m_unknownDependency)
            throw *m_unknownDependency;
        writeEdgeEvidence(doc.model);
        writeScenarios(doc.model);
        writePositions(doc);
        writeViewSettings(doc);
        exec("COMMIT");
    }

    /// Closes the database, reporting what SQLite could not finish.
    void close()
    {
        if (sqlite3_close(m_db.get()) != SQLITE_OK)
            failSqlite("closing the temporary file");
        m_db.release();
    }

private:
    [[noreturn]] void failSqlite(const std::string &what) const
    {
        throw InputError(m_target,
                         what + " failed: " + (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
    }

    void exec(const char *sql)
    {
        if (sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            failSqlite(std::string("writing the document (") + std::string(sql).substr(0, 40) + ")");
    }

    StmtPtr prepare(const char *sql)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql, -1, &st, nullptr) != SQLITE_OK)
            failSqlite(std::string("preparing ") + sql);
        return StmtPtr(st);
    }

    /// Binds text that outlives the step; empty `text` binds NULL when `nullIfEmpty`.
    static void bindText(sqlite3_stmt *st, int col, std::string_view text, bool nullIfEmpty = false)
    {
        if (nullIfEmpty && text.empty())
            sqlite3_bind_null(st, col);
        else
            sqlite3_bind_text64(st, col, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
    }

    /// Runs a bound insert and resets it for the next row; `table` names it in messages.
    void step(sqlite3_stmt *st, const char *table)
    {
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            failSqlite(std::string("writing table '") + table + "'");
    }

    /// Makes the unique index of node ids; a duplicate id is an InputError that names it.
    void indexNodeIds()
    {
        if (sqlite3_exec(m_db.get(), kNodeIdIndex, nullptr, nullptr, nullptr) == SQLITE_OK)
            return;
        if (sqlite3_errcode(m_db.get()) != SQLITE_CONSTRAINT)
            failSqlite("indexing the node ids");
        StmtPtr st = prepare("SELECT id FROM nodes GROUP BY id HAVING count(*) > 1 LIMIT 1");
        std::string id =
            sqlite3_step(st.get()) == SQLITE_ROW ? std::string(textColumn(st.get(), 0)) : std::string();
        throw InputError(m_target, "cannot be saved: duplicate id", 0, std::move(id));
    }

    void writeModelTable(const Model &model)
    {
        StmtPtr st = prepare("INSERT INTO model(key, value) VALUES(?, ?)");
        const std::string info = dumpJson(infoJson(model.info));
        bindText(st.get(), 1, "info");
        bindText(st.get(), 2, info);
        step(st.get(), "model");
        if (!model.topExtra.empty()) {
            const std::string extra = dumpJson(model.topExtra);
            bindText(st.get(), 1, "extra");
            bindText(st.get(), 2, extra);
            step(st.get(), "model");
        }
    }

    void writeNodes(const Model &model)
    {
        if (model.nodes.size() > kDepTargetMask)
            throw InputError(m_target, "cannot be saved: more than " + std::to_string(kDepTargetMask) + " nodes");
        StmtPtr st =
            prepare("INSERT INTO nodes(idx, id, name, kind, gate, blockable, users, category, owner, "
                    "description, confidence, extra, deps) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sqlite3_stmt *s = st.get();
        // The resolved edges are only safe to consult when the model has been indexed as it is.
        m_useResolved =
            !model.nodes.empty() && model.indexOf(model.nodes.back().id) == model.nodes.size() - 1;
        std::vector<unsigned char> deps;
        for (std::size_t i = 0; i < model.nodes.size(); ++i) {
            const Node &n = model.nodes[i];
            const std::string gate = gateText(n.gate);
            const std::string extra = nodeExtraText(n);
            packDependencies(model, i, deps);
            sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(i));
            bindText(s, 2, n.id);
            bindText(s, 3, n.name);
            bindText(s, 4, toString(n.kind));
            bindText(s, 5, gate);
            sqlite3_bind_int(s, 6, n.blockable ? 1 : 0);
            sqlite3_bind_int64(s, 7, n.users);
            bindText(s, 8, n.category);
            bindText(s, 9, n.owner);
            bindText(s, 10, n.description);
            bindText(s, 11, toString(n.confidence), true);
            bindText(s, 12, extra, true);
            if (deps.empty())
                sqlite3_bind_null(s, 13);
            else
                sqlite3_bind_blob64(s, 13, deps.data(), deps.size(), SQLITE_STATIC);
            step(s, "nodes");
        }
    }

    /// The index of the node that nodes[node].dependsOn[pos] names, or -1. The model's resolved
    /// edges are used while they agree with the ids (they are as of its last reindex()); a map
    /// built here takes over at the first disagreement.
    std::int64_t targetOf(const Model &model, std::size_t node, std::size_t pos)
    {
        const std::string &id = model.nodes[node].dependsOn[pos].node;
        if (m_useResolved) {
            const std::span<const std::uint32_t> targets = model.resolvedDependencies(node);
            if (pos < targets.size() && targets[pos] < model.nodes.size() &&
                model.nodes[targets[pos]].id == id)
                return targets[pos];
            m_useResolved = false;
            m_index.reserve(model.nodes.size());
            for (std::size_t k = 0; k < model.nodes.size(); ++k)
                m_index.emplace(model.nodes[k].id, static_cast<std::int64_t>(k));
        }
        auto it = m_index.find(id);
        return it == m_index.end() ? -1 : it->second;
    }

    /// nodes[node].dependsOn packed as in nodes.deps. An unknown target is left out and
    /// remembered, to be reported once the ids are known to be unique.
    void packDependencies(const Model &model, std::size_t node, std::vector<unsigned char> &out)
    {
        out.clear();
        const Node &n = model.nodes[node];
        for (std::size_t pos = 0; pos < n.dependsOn.size(); ++pos) {
            const std::int64_t to = targetOf(model, node, pos);
            if (to < 0) {
                if (!m_unknownDependency)
                    m_unknownDependency.emplace(
                        m_target, "cannot be saved: depends on unknown node '" + n.dependsOn[pos].node + "'", 0, n.id);
                continue;
            }
            const std::uint32_t packed =
                static_cast<std::uint32_t>(to) | static_cast<std::uint32_t>(n.dependsOn[pos].type) << kDepTypeShift;
            for (int shift = 0; shift < 32; shift += 8)
                out.push_back(static_cast<unsigned char>(packed >> shift));
        }
    }

    void writeEdgeEvidence(const Model &model)
    {
        StmtPtr st = prepare("INSERT INTO edge_evidence(node, pos, evidence) VALUES(?, ?, ?)");
        sqlite3_stmt *s = st.get();
        std::string evidence;
        for (std::size_t i = 0; i < model.nodes.size(); ++i) {
            const Node &n = model.nodes[i];
            for (std::size_t pos = 0; pos < n.dependsOn.size(); ++pos) {
                const Dependency &d = n.dependsOn[pos];
                if (!d.hasEvidence())
                    continue;
                evidence = evidenceText(*d.evidence());
                sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(i));
                sqlite3_bind_int64(s, 2, static_cast<sqlite3_int64>(pos));
                bindText(s, 3, evidence);
                step(s, "edge_evidence");
            }
        }
    }

    void writeScenarios(const Model &model)
    {
        StmtPtr st = prepare("INSERT INTO scenarios(idx, id, json) VALUES(?, ?, ?)");
        for (std::size_t i = 0; i < model.scenarios.size(); ++i) {
            const Scenario &s = model.scenarios[i];
            const std::string json = dumpJson(scenarioJson(s));
            sqlite3_bind_int64(st.get(), 1, static_cast<sqlite3_int64>(i));
            bindText(st.get(), 2, s.id);
            bindText(st.get(), 3, json);
            step(st.get(), "scenarios");
        }
    }

    void writePositions(const DocumentData &doc)
    {
        StmtPtr st = prepare("INSERT INTO positions(node, x, y, pinned) VALUES(?, ?, ?, ?)");
        for (const auto &[id, p] : doc.positions) {
            bindText(st.get(), 1, id);
            sqlite3_bind_double(st.get(), 2, p.x);
            sqlite3_bind_double(st.get(), 3, p.y);
            sqlite3_bind_int(st.get(), 4, p.pinned ? 1 : 0);
            step(st.get(), "positions");
        }
    }

    void writeViewSettings(const DocumentData &doc)
    {
        StmtPtr st = prepare("INSERT INTO view_settings(key, value) VALUES(?, ?)");
        for (const auto &[key, value] : doc.viewSettings) {
            bindText(st.get(), 1, key);
            bindText(st.get(), 2, value);
            step(st.get(), "view_settings");
        }
    }

    const std::string &m_target;
    DbPtr m_db;
    bool m_useResolved = false;
    std::optional<InputError> m_unknownDependency; ///< the first, reported after the ids are checked
    std::unordered_map<std::string_view, std::int64_t> m_index; ///< built only when the model's is stale
};

/// Flushes a file (or a folder) to disk; returns 0 or the errno of what failed.
int syncPath(const std::string &path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return errno;
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

/// Gives the new file the permissions of the one it replaces, if there is one.
void keepPermissions(const std::string &target, const std::string &file)
{
    struct stat st
    {
    };
    if (::stat(target.c_str(), &st) == 0)
        ::chmod(file.c_str(), st.st_mode & 07777);
}

} // namespace

bool looksLikeSqlite(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, kSqliteMagic.size()> header{};
    if (!in.read(header.data(), header.size()))
        return false;
    return std::string_view(header.data(), header.size()) == kSqliteMagic;
}

DocumentData readDocument(const std::string &path)
{
    return readDocumentData(path);
}

void writeDocument(const DocumentData &doc, const std::string &path)
{
    TempFile temp(path);
    {
        DocumentWriter writer(path, temp.path());
        writer.write(doc);
        writer.close();
    }
    if (const int error = syncPath(temp.path(), false))
        throw InputError(path, std::string("flushing the document to disk failed: ") + std::strerror(error));
    keepPermissions(path, temp.path());
    std::error_code ec;
    std::filesystem::rename(temp.path(), path, ec);
    if (ec)
        throw InputError(path, "replacing the file failed: " + ec.message());
    temp.release();
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    syncPath(dir.empty() ? std::string(".") : dir.string(), true); // the rename itself, best effort
}

} // namespace chokepoint
