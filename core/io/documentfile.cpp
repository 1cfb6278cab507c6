#include "io/documentfile.h"

#include "io/jsonfields.h"
#include "model/validate.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#define TIMING_T0 auto tt0 = std::chrono::steady_clock::now();
#define TIMING(x) { auto tt1 = std::chrono::steady_clock::now(); std::fprintf(stderr, "  %s %.3f\n", #x, std::chrono::duration<double>(tt1-tt0).count()); tt0 = tt1; }
namespace chokepoint {
namespace {

/*
 * The document schema, version 1 (PRAGMA user_version = 1, PRAGMA application_id = 'CHKP').
 *
 *   model          one row per part of the model: key 'info' holds the JSON format's "model"
 *                  object ({id, title, description, defaultScenario, sources, i18n, …unknown});
 *                  key 'extra' (only when there are any) the unknown top-level fields as an object.
 *   nodes          one row per node, idx = its position in the model (0, 1, 2… without gaps).
 *                  kind is the JSON spelling ("platform-service"); gate is "all", "any" or
 *                  "atLeast:K"; blockable is 0/1; confidence is NULL when unset. extra is NULL
 *                  when the node has no sources, tags, i18n or unknown fields, else a JSON object
 *                  {"sources": [...], "tags": [...], "i18n": {...}, "extra": {...unknown fields}}
 *                  holding the non-empty ones.
 *   edges          one row per dependency: node = the dependent's idx, pos = the edge's place in
 *                  its dependsOn list, dep = the target's idx, type = 0 hard, 1 fallback, 2 soft.
 *                  evidence is NULL when the edge has none (a bare id in JSON), else a JSON object
 *                  {"note", "date", "sources", "confidence", "extra"} of its non-empty parts
 *                  ("{}" for evidence that is present but empty).
 *   scenarios      one row per scenario in order; json is the JSON format's scenario object.
 *   positions      node id → map position; pinned is 0/1.
 *   view_settings  free key/value text.
 */
constexpr const char *kSchema = R"sql(
CREATE TABLE model(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE nodes(idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT, kind TEXT, gate TEXT,
                   blockable INTEGER, users INTEGER, category TEXT, owner TEXT, description TEXT,
                   confidence TEXT, extra TEXT);
CREATE TABLE edges(node INTEGER, pos INTEGER, dep INTEGER, type INTEGER, evidence TEXT,
                   PRIMARY KEY(node, pos)) WITHOUT ROWID;
CREATE TABLE scenarios(idx INTEGER PRIMARY KEY, id TEXT, json TEXT);
CREATE TABLE positions(node TEXT PRIMARY KEY, x REAL, y REAL, pinned INTEGER);
CREATE TABLE view_settings(key TEXT PRIMARY KEY, value TEXT);
)sql";

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};
constexpr std::size_t kSqliteHeaderSize = 100;
constexpr int kMaxJsonDepth = 64; // as in the JSON format: deeper values are not model data
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

bool isNull(sqlite3_stmt *st, int col) { return sqlite3_column_type(st, col) == SQLITE_NULL; }

std::uint32_t bigEndian32(const unsigned char *p)
{
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}

std::string dumpJson(const Json &j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

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

/// Reads one document; every failure becomes an InputError naming the file.
class DocumentReader
{
public:
    explicit DocumentReader(const std::string &path) : m_path(path), m_fields(path) {}

    DocumentData read()
    {
        checkHeader();
        open();
        checkIdentity();
        DocumentData doc;
        TIMING_T0
        readModelTable(doc.model);
        readNodes(doc.model);
        TIMING(nodes)
        readEdges(doc.model);
        TIMING(edges)
        readScenarios(doc.model);
        readPositions(doc);
        readViewSettings(doc);
        if (!m_fields.ok())
            throw InputError(m_fields.takeProblems());
        doc.model.reindex();
        TIMING(reindex)
        Problems problems = validate(doc.model, m_path);
        TIMING(validate)
        if (!problems.empty())
            throw InputError(std::move(problems));
        return doc;
    }

private:
    [[noreturn]] void fail(const std::string &message) const { throw InputError(m_path, message); }

    /// Fails with SQLite's own words for the last error, saying what was being done.
    [[noreturn]] void failSqlite(const std::string &what) const
    {
        const int code = m_db ? sqlite3_errcode(m_db.get()) : SQLITE_ERROR;
        const std::string detail = m_db ? sqlite3_errmsg(m_db.get()) : "out of memory";
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
            fail("the document is damaged (" + what + ": " + detail + ")");
        fail(what + " failed: " + detail);
    }

    /// Checks the SQLite header before SQLite sees the file: its magic and that it is whole.
    void checkHeader() const
    {
        std::ifstream in(m_path, std::ios::binary);
        if (!in)
            fail("cannot open the file for reading");
        std::array<unsigned char, kSqliteHeaderSize> header{};
        in.read(reinterpret_cast<char *>(header.data()), header.size());
        const auto got = static_cast<std::size_t>(in.gcount());
        if (got == 0)
            fail(std::string(kNotOurs) + " (the file is empty)");
        if (got < kSqliteMagic.size() ||
            std::memcmp(header.data(), kSqliteMagic.data(), kSqliteMagic.size()) != 0)
            fail(std::string(kNotOurs) + " (not an SQLite database)");
        if (got < kSqliteHeaderSize)
            fail("the document is truncated (" + std::to_string(got) + " bytes, shorter than its header)");
        // Page size at offset 16 (1 means 65536); page count at 28, valid when the change counter
        // at 24 matches the version-valid-for number at 92.
        const std::uint64_t pageSize = header[16] == 0 && header[17] == 1 ? 65536 : (header[16] << 8) | header[17];
        const std::uint64_t pages = bigEndian32(&header[28]);
        if (pages == 0 || bigEndian32(&header[24]) != bigEndian32(&header[92]))
            return;
        std::error_code ec;
        const std::uint64_t size = std::filesystem::file_size(m_path, ec);
        if (!ec && size < pageSize * pages)
            fail("the document is truncated (" + std::to_string(size) + " bytes; its header says " +
                 std::to_string(pageSize * pages) + ")");
    }

    void open()
    {
        sqlite3 *db = nullptr;
        const int rc = sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
        m_db.reset(db);
        if (rc != SQLITE_OK)
            failSqlite("opening the database");
        // Defensive settings (DESIGN.md §4): the file may come from anyone.
        sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
        sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
        exec("PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON; PRAGMA cache_size=-65536;",
             "setting up the connection");
    }

    void exec(const char *sql, const std::string &what)
    {
        if (sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr) != SQLITE_OK)
            failSqlite(what);
    }

    StmtPtr prepare(const char *sql, const std::string &what)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db.get(), sql, -1, &st, nullptr) != SQLITE_OK)
            failSqlite(what);
        return StmtPtr(st);
    }

    std::int64_t pragmaInt(const char *sql, const std::string &what)
    {
        StmtPtr st = prepare(sql, what);
        if (sqlite3_step(st.get()) != SQLITE_ROW)
            failSqlite(what);
        return sqlite3_column_int64(st.get(), 0);
    }

    /// Steps `st`, calling `row` for each row; a failed step ends in an InputError.
    template <typename F>
    void forEachRow(sqlite3_stmt *st, const char *table, F row)
    {
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW)
            row(st);
        if (rc != SQLITE_DONE)
            failSqlite(std::string("reading table '") + table + "'");
    }

    void checkIdentity()
    {
        const std::int64_t appId = pragmaInt("PRAGMA application_id", "reading the application id");
        if (appId != kDocumentApplicationId)
            fail(std::string(kNotOurs) + " (an SQLite database of another application)");
        const std::int64_t version = pragmaInt("PRAGMA user_version", "reading the schema version");
        if (version > kDocumentSchemaVersion)
            fail("written by a newer Chokepoint (schema " + std::to_string(version) + "; this version reads up to " +
                 std::to_string(kDocumentSchemaVersion) + ")");
        if (version < 1)
            fail("the document has no valid schema version (" + std::to_string(version) + ")");
    }

    /// Parses a JSON column; on failure records a problem about `id` and returns false.
    bool parseJson(std::string_view text, const std::string &id, const char *column, Json &out,
                   const char *subject = "node")
    {
        struct TooDeep
        {
        };
        auto guard = [](int depth, nlohmann::json::parse_event_t, Json &) {
            if (depth > kMaxJsonDepth)
                throw TooDeep{};
            return true;
        };
        try {
            out = Json::parse(text.begin(), text.end(), guard);
            return true;
        } catch (const nlohmann::json::parse_error &e) {
            m_fields.fail(id, std::string("column '") + column + "' is not valid JSON: " + e.what(), subject);
        } catch (const TooDeep &) {
            m_fields.fail(id, std::string("column '") + column + "' is nested too deep", subject);
        }
        return false;
    }

    void readModelTable(Model &model)
    {
        StmtPtr st = prepare("SELECT key, value FROM model", "reading table 'model'");
        bool hasInfo = false;
        forEachRow(st.get(), "model", [&](sqlite3_stmt *row) {
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
            m_fields.fail(node.id, "gate \"" + std::string(textColumn(row, 4)) + "\" is not all, any or atLeast:K");
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

    void readNodes(Model &model)
    {
        // max(idx) is a single b-tree descent; it sizes the vector (bounded, in case it lies).
        const std::int64_t maxIdx = pragmaInt("SELECT coalesce(max(idx), -1) FROM nodes", "reading table 'nodes'");
        model.nodes.reserve(static_cast<std::size_t>(std::clamp<std::int64_t>(maxIdx + 1, 0, 1 << 24)));
        StmtPtr st = prepare("SELECT idx, id, name, kind, gate, blockable, users, category, owner, description, "
                             "confidence, extra FROM nodes ORDER BY idx",
                             "reading table 'nodes'");
        forEachRow(st.get(), "nodes", [&](sqlite3_stmt *row) {
            const std::int64_t idx = sqlite3_column_int64(row, 0);
            if (idx != static_cast<std::int64_t>(model.nodes.size()))
                fail("table 'nodes' is malformed: idx must run 0, 1, 2… without gaps (found " + std::to_string(idx) +
                     " where " + std::to_string(model.nodes.size()) + " belongs)");
            readNodeRow(row, model.nodes.emplace_back());
        });
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

    /// Streams the edges, grouped by dependent node, into each node's dependsOn, sized exactly.
    void readEdges(Model &model)
    {
        std::vector<Node> &nodes = model.nodes;
        const auto count = static_cast<std::int64_t>(nodes.size());
        std::vector<Dependency> group;
        std::int64_t current = -1;
        auto flush = [&] {
            if (current < 0)
                return;
            std::vector<Dependency> &deps = nodes[static_cast<std::size_t>(current)].dependsOn;
            deps.reserve(deps.size() + group.size());
            std::move(group.begin(), group.end(), std::back_inserter(deps));
            group.clear();
        };
        StmtPtr st = prepare("SELECT node, dep, type, evidence FROM edges ORDER BY node, pos", "reading table 'edges'");
        forEachRow(st.get(), "edges", [&](sqlite3_stmt *row) {
            const std::int64_t from = sqlite3_column_int64(row, 0);
            if (from < 0 || from >= count)
                fail("table 'edges' is malformed: an edge leaves node index " + std::to_string(from) + ", but there are " +
                     std::to_string(count) + " nodes");
            if (from != current) {
                flush();
                current = from;
            }
            readEdgeRow(row, nodes, nodes[static_cast<std::size_t>(from)].id, group);
        });
        flush();
    }

    void readEdgeRow(sqlite3_stmt *row, const std::vector<Node> &nodes, const std::string &from,
                     std::vector<Dependency> &group)
    {
        const std::int64_t to = sqlite3_column_int64(row, 1);
        const std::int64_t type = sqlite3_column_int64(row, 2);
        if (to < 0 || to >= static_cast<std::int64_t>(nodes.size())) {
            m_fields.fail(from, "depends on node index " + std::to_string(to) + ", which does not exist");
            return;
        }
        if (type < 0 || type > static_cast<std::int64_t>(DepType::Soft)) {
            m_fields.fail(from, "dependency type " + std::to_string(type) + " is not 0 (hard), 1 (fallback) or 2 (soft)");
            return;
        }
        Dependency &dep = group.emplace_back(nodes[static_cast<std::size_t>(to)].id, static_cast<DepType>(type));
        if (!isNull(row, 3))
            readEvidence(textColumn(row, 3), from, dep.mutableEvidence());
    }

    void readScenarios(Model &model)
    {
        StmtPtr st = prepare("SELECT id, json FROM scenarios ORDER BY idx", "reading table 'scenarios'");
        forEachRow(st.get(), "scenarios", [&](sqlite3_stmt *row) {
            const std::string id(textColumn(row, 0));
            Json j;
            Scenario &s = model.scenarios.emplace_back();
            if (!parseJson(textColumn(row, 1), id, "json", j, "scenario"))
                return;
            m_fields.readScenario(j, model.scenarios.size() - 1, s);
            if (s.id != id)
                m_fields.fail(id, "column 'id' does not match the scenario's JSON id '" + s.id + "'", "scenario");
        });
    }

    void readPositions(DocumentData &doc)
    {
        StmtPtr st = prepare("SELECT node, x, y, pinned FROM positions", "reading table 'positions'");
        forEachRow(st.get(), "positions", [&](sqlite3_stmt *row) {
            NodePosition p{sqlite3_column_double(row, 1), sqlite3_column_double(row, 2),
                           sqlite3_column_int64(row, 3) != 0};
            doc.positions.emplace_hint(doc.positions.end(), std::string(textColumn(row, 0)), p);
        });
    }

    void readViewSettings(DocumentData &doc)
    {
        StmtPtr st = prepare("SELECT key, value FROM view_settings", "reading table 'view_settings'");
        forEachRow(st.get(), "view_settings", [&](sqlite3_stmt *row) {
            doc.viewSettings.emplace_hint(doc.viewSettings.end(), std::string(textColumn(row, 0)),
                                          std::string(textColumn(row, 1)));
        });
    }

    const std::string &m_path;
    DbPtr m_db;
    JsonFieldReader m_fields;
};

// --- writing ---

/// A new file next to the target, removed again unless it was renamed into place.
class TempFile
{
public:
    explicit TempFile(const std::string &target)
    {
        static constexpr std::string_view chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
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
        throw std::runtime_error(target + ": cannot create a temporary file next to it: " + std::strerror(error));
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

/// Fills one fresh SQLite file with a document; failures throw std::runtime_error naming `target`.
class DocumentWriter
{
public:
    DocumentWriter(const std::string &target, const std::string &file) : m_target(target)
    {
        sqlite3 *db = nullptr;
        const int rc = sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
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
        writeEdges(doc.model);
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
        throw std::runtime_error(m_target + ": " + what + " failed: " + (m_db ? sqlite3_errmsg(m_db.get()) : "out of memory"));
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
    void step(sqlite3_stmt *st, const char *table, const std::string &about = {})
    {
        const int rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc == SQLITE_DONE)
            return;
        if ((rc & 0xff) == SQLITE_CONSTRAINT && !about.empty())
            throw InputError(m_target, "cannot be saved: duplicate id", 0, about);
        failSqlite(std::string("writing table '") + table + "'");
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
        StmtPtr st = prepare("INSERT INTO nodes(idx, id, name, kind, gate, blockable, users, category, owner, "
                             "description, confidence, extra) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        sqlite3_stmt *s = st.get();
        for (std::size_t i = 0; i < model.nodes.size(); ++i) {
            const Node &n = model.nodes[i];
            const std::string gate = gateText(n.gate);
            const std::string extra = nodeExtraText(n);
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
            step(s, "nodes", n.id);
        }
    }

    /// The index of `id` in the model; the model's own index is used when it is up to date.
    std::int64_t indexOf(const Model &model, const std::string &id)
    {
        if (m_index.empty()) {
            auto i = model.indexOf(id);
            if (i && *i < model.nodes.size() && model.nodes[*i].id == id)
                return static_cast<std::int64_t>(*i);
            m_index.reserve(model.nodes.size());
            for (std::size_t k = 0; k < model.nodes.size(); ++k)
                m_index.emplace(model.nodes[k].id, static_cast<std::int64_t>(k));
        }
        auto it = m_index.find(id);
        return it == m_index.end() ? -1 : it->second;
    }

    void writeEdges(const Model &model)
    {
        StmtPtr st = prepare("INSERT INTO edges(node, pos, dep, type, evidence) VALUES(?, ?, ?, ?, ?)");
        sqlite3_stmt *s = st.get();
        std::string evidence;
        for (std::size_t i = 0; i < model.nodes.size(); ++i) {
            const Node &n = model.nodes[i];
            for (std::size_t pos = 0; pos < n.dependsOn.size(); ++pos) {
                const Dependency &d = n.dependsOn[pos];
                const std::int64_t to = indexOf(model, d.node);
                if (to < 0)
                    throw InputError(m_target, "cannot be saved: depends on unknown node '" + d.node + "'", 0, n.id);
                sqlite3_bind_int64(s, 1, static_cast<sqlite3_int64>(i));
                sqlite3_bind_int64(s, 2, static_cast<sqlite3_int64>(pos));
                sqlite3_bind_int64(s, 3, to);
                sqlite3_bind_int(s, 4, static_cast<int>(d.type));
                if (d.hasEvidence()) {
                    evidence = evidenceText(*d.evidence());
                    bindText(s, 5, evidence);
                } else
                    sqlite3_bind_null(s, 5);
                step(s, "edges");
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
    std::unordered_map<std::string_view, std::int64_t> m_index; ///< built only when the model's is stale
};

/// Flushes a file (or, best effort, a folder) to disk; returns false when that fails.
bool syncPath(const std::string &path, bool directory)
{
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

/// Gives the new file the permissions of the one it replaces, if there is one.
void keepPermissions(const std::string &target, const std::string &file)
{
    struct stat st{};
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

DocumentData readDocument(const std::string &path) { return DocumentReader(path).read(); }

void writeDocument(const DocumentData &doc, const std::string &path)
{
    TempFile temp(path);
    {
        DocumentWriter writer(path, temp.path());
        writer.write(doc);
        writer.close();
    }
    if (!syncPath(temp.path(), false))
        throw std::runtime_error(path + ": flushing the document to disk failed: " + std::strerror(errno));
    keepPermissions(path, temp.path());
    std::error_code ec;
    std::filesystem::rename(temp.path(), path, ec);
    if (ec)
        throw std::runtime_error(path + ": replacing the file failed: " + ec.message());
    temp.release();
    std::filesystem::path dir = std::filesystem::path(path).parent_path();
    syncPath(dir.empty() ? std::string(".") : dir.string(), true); // the rename itself, best effort
}

} // namespace chokepoint
