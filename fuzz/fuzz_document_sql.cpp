// `.chokepoint` reader, structure-aware: every input starts from the same valid document (a small
// model written once with writeDocument) and is read as a list of edits made through SQLite, so
// that the fuzzer spends its time on rows the reader gets to see rather than on SQLite's checks:
//
//   retype  recreate a table with one column's declared type changed (idx TEXT, deps TEXT…),
//           copying the rows, that column's values as they were or respelt ('01', '+1', 1.0…)
//   insert  a copy of an existing row with up to three columns set to chosen values
//   update  one cell of one row;   delete  one row
//           (retype, insert and update pick the first column, the key, half the time)
//   pragma  user_version or application_id
//   schema  drop or add a table or the nodes_id index, add the schema-1 edges table
//   sql     one of a few whole-database statements (VACUUM at another page size, ANALYZE…)
//   grow    append many generated nodes (the reader splits large documents between threads)
//   pad     after closing: make the file large and sparse (ftruncate)
//   poke    after closing: overwrite bytes of the header or the first pages
//
// Values come in every SQLite type (in the columns read as numbers, half the time a number in some
// spelling): integers (huge and negative too), reals (inf, NaN), text
// (numbers spelt '01', '+1', '1e0'; gate and kind words; JSON with extreme numbers or deep
// nesting), blobs (packed dependency lists) and NULL. Then readDocument(), where only InputError
// may come out, and the engine on what loaded. FUZZ_PLAIN_JSON=1 leaves out the extreme numbers.
//
// The reader's branches do not tell apart most states of its key columns (idx declared TEXT and
// holding '0', '01', '02' reads like idx INTEGER until it does not), so after the edits the
// harness describes those columns to libFuzzer as extra coverage (fuzz::signal): an input that
// gives them a new shape is kept and built on.

#include "fuzzsupport.h"
#include "io/documentfile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <limits>
#include <memory>
#include <sqlite3.h>
#include <string>
#include <unistd.h>
#include <vector>

using namespace chokepoint;

namespace {

struct Table
{
    const char *name;
    std::vector<const char *> columns;
    const char *create; ///< as the writer makes it (edges: as schema 1 had it)
};

const std::array<Table, 7> kTables{{
    {"model", {"key", "value"}, "CREATE TABLE model(key TEXT PRIMARY KEY, value TEXT)"},
    {"nodes",
     {"idx", "id", "name", "kind", "gate", "blockable", "users", "category", "owner", "description",
      "confidence", "extra", "deps"},
     "CREATE TABLE nodes(idx INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT, kind TEXT, gate TEXT, "
     "blockable INTEGER, users INTEGER, category TEXT, owner TEXT, description TEXT, confidence TEXT, "
     "extra TEXT, deps BLOB)"},
    {"edge_evidence",
     {"node", "pos", "evidence"},
     "CREATE TABLE edge_evidence(node INTEGER, pos INTEGER, evidence TEXT, PRIMARY KEY(node, pos)) WITHOUT "
     "ROWID"},
    {"scenarios",
     {"idx", "id", "json"},
     "CREATE TABLE scenarios(idx INTEGER PRIMARY KEY, id TEXT, json TEXT)"},
    {"positions",
     {"node", "x", "y", "pinned"},
     "CREATE TABLE positions(node TEXT PRIMARY KEY, x REAL, y REAL, pinned INTEGER)"},
    {"view_settings", {"key", "value"}, "CREATE TABLE view_settings(key TEXT PRIMARY KEY, value TEXT)"},
    {"edges",
     {"node", "pos", "dep", "type", "evidence"},
     "CREATE TABLE edges(node INTEGER, pos INTEGER, dep INTEGER, type INTEGER, evidence TEXT, "
     "PRIMARY KEY(node, pos)) WITHOUT ROWID"},
}};

/// Nodes is where the reader does most: it comes up more often than the other tables.
const Table &pickTable(fuzz::ByteReader &in)
{
    const std::size_t i = in.below(kTables.size() + 3);
    return i < kTables.size() ? kTables[i] : kTables[1];
}

constexpr const char *kDeclaredTypes[] = {"TEXT", "INTEGER", "REAL", "BLOB", "NUMERIC", "", "ANY", "INT"};

/// How a recreated table's retyped column is copied ($ is the column): as it was, or respelt.
constexpr const char *kRespellings[] = {"$",           "CAST($ AS TEXT)", "printf('%02d', $)", "'+' || $",
                                        "$ || '.0'",   "CAST($ AS REAL)", "CAST($ AS BLOB)",   "-$",
                                        "$ * 1000000", "hex($)"};

constexpr std::int64_t kIntegers[] = {0,
                                      1,
                                      2,
                                      3,
                                      4,
                                      -1,
                                      8,
                                      10,
                                      255,
                                      256,
                                      65535,
                                      (std::int64_t{1} << 30) - 1,
                                      std::int64_t{1} << 30,
                                      std::numeric_limits<std::int32_t>::max(),
                                      std::int64_t{1} << 31,
                                      4294967295,
                                      10'000'000,
                                      std::int64_t{1} << 40,
                                      std::numeric_limits<std::int64_t>::max() / 2,
                                      std::numeric_limits<std::int64_t>::max() - 1,
                                      std::numeric_limits<std::int64_t>::max(),
                                      std::numeric_limits<std::int64_t>::min(),
                                      0x43484B50};

constexpr double kReals[] = {0.0, -0.0, 0.5, 1.0, 2.0, 1e308, -1e308, 1e-320, 9.3e18};

constexpr const char *kWords[] = {
    "",
    "all",
    "any",
    "atLeast:1",
    "atLeast:2",
    "atLeast:0",
    "atLeast:-1",
    "atLeast:2147483648",
    "atLeast:",
    "service",
    "app",
    "function",
    "network",
    "gate",
    "countermeasure",
    "platform-service",
    "high",
    "low",
    "info",
    "extra",
    "net",
    "fn",
    "app",
    "port-a",
    "svc",
    "block-net",
    "steps",
    "bad id",
    "{}",
    "[]",
    "null",
    R"({"sources":[{"url":"u","title":"t","date":"d","grade":"vendor"}],"tags":["a"]})",
    R"({"i18n":{"ru":{"name":"x"}},"extra":{"k":[1,2]}})",
    R"({"note":"n","confidence":"high","date":"2025"})",
    R"({"id":"m","title":"t","defaultScenario":"steps"})",
    R"({"id":"s","targets":["fn"],"actions":[{"node":"net","type":"block"}],"steps":[{"actions":[]}]})"};

/// JSON shapes the columns hold, with a number the reader has to turn into a value.
constexpr const char *kJsonWithNumber[] = {R"({"extra":{"n":%}})",
                                           R"({"note":"n","extra":{"n":%}})",
                                           R"({"id":"m","title":"t","extra":%})",
                                           R"({"id":"%","actions":[{"node":"net","type":"block","n":%}]})",
                                           R"({"tags":[%]})",
                                           "%"};
constexpr const char *kNumbers[] = {"1e999",
                                    "-1e999",
                                    "1e308",
                                    "18446744073709551616",
                                    "-9223372036854775809",
                                    "0.1e-400",
                                    "9223372036854775807",
                                    "-0",
                                    "1E+2"};

std::string replaceAll(std::string s, std::string_view what, std::string_view with)
{
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
    return s;
}

/// A number spelt as text the way a careless writer might: "01", "+1", " 1", "1.0", "1e0", "0x1".
std::string numericText(fuzz::ByteReader &in)
{
    const std::int64_t n = in.byte() < 200 ? in.below(16) : in.pick(kIntegers);
    const std::string digits = std::to_string(n);
    switch (in.below(7)) {
    case 0:
        return digits;
    case 1:
        return std::string(1 + in.below(3), '0') + digits;
    case 2:
        return "+" + digits;
    case 3:
        return " " + digits;
    case 4:
        return digits + ".0";
    case 5:
        return digits + "e0";
    default:
        return "0x" + digits;
    }
}

/// Four bytes per edge, (type << 30) | target, little-endian, as nodes.deps packs them.
std::string packedDeps(fuzz::ByteReader &in)
{
    std::string blob;
    const std::size_t edges = in.below(6);
    for (std::size_t i = 0; i < edges; ++i) {
        std::uint32_t v = static_cast<std::uint32_t>(in.bits(4));
        if (in.byte() < 128) { // a plausible edge: a small target and a type that may be out of range
            const auto target = static_cast<std::uint32_t>(in.below(12));
            v = target | static_cast<std::uint32_t>(in.below(4)) << 30;
        }
        for (int b = 0; b < 4; ++b, v >>= 8)
            blob += static_cast<char>(v & 0xFF);
    }
    if (in.byte() == 0xFF)
        blob += static_cast<char>(in.byte()); // not a whole edge
    return blob;
}

std::string deepJson(fuzz::ByteReader &in)
{
    const std::size_t depth = 1 + in.below(2000);
    return std::string(depth, '[') + std::string(depth, ']');
}

/// FUZZ_PLAIN_JSON leaves out JSON with out-of-range numbers, to look past that finding while it is open.
bool plainJsonOnly()
{
    static const bool on = std::getenv("FUZZ_PLAIN_JSON") != nullptr;
    return on;
}

/// One SQLite value of any storage class.
struct Value
{
    int type = SQLITE_NULL;
    std::int64_t integer = 0;
    double real = 0;
    std::string bytes; ///< text or blob
};

/// A value of a type the input chooses.
Value anyValue(fuzz::ByteReader &in)
{
    Value v;
    switch (in.below(9)) {
    case 0:
        v.type = SQLITE_INTEGER;
        v.integer = in.pick(kIntegers);
        break;
    case 1:
        v.type = SQLITE_INTEGER;
        v.integer = static_cast<std::int64_t>(in.bits(8));
        break;
    case 2: {
        const std::size_t which = in.below(std::size(kReals) + 3);
        v.type = SQLITE_FLOAT;
        v.real = which == 0   ? std::numeric_limits<double>::infinity()
                 : which == 1 ? -std::numeric_limits<double>::infinity()
                 : which == 2 ? std::nan("")
                              : kReals[which - 3];
        break;
    }
    case 3:
        v.type = SQLITE_TEXT;
        v.bytes = numericText(in);
        break;
    case 4:
        v.type = SQLITE_TEXT;
        v.bytes = in.pick(kWords);
        break;
    case 5:
        v.type = SQLITE_TEXT;
        if (in.flag() && !plainJsonOnly()) {
            const std::string shape = in.pick(kJsonWithNumber);
            v.bytes = replaceAll(shape, "%", in.pick(kNumbers));
        } else {
            v.bytes = deepJson(in);
        }
        break;
    case 6:
        v.type = SQLITE_TEXT;
        v.bytes = in.string(64);
        break;
    case 7:
        v.type = SQLITE_BLOB;
        v.bytes = in.flag() ? packedDeps(in) : in.string(64);
        break;
    default:
        break;
    }
    return v;
}

/// The columns the reader takes as numbers: it reads them with sqlite3_column_int64, whatever
/// their type, so a number spelt as text ('01', '+1', ' 1') or as a real is worth trying there.
bool isNumberColumn(std::string_view column)
{
    constexpr std::string_view kColumns[] = {"idx",  "node",      "pos",   "dep",
                                             "type", "blockable", "users", "pinned"};
    return std::find(std::begin(kColumns), std::end(kColumns), column) != std::end(kColumns);
}

/// A value for `column`: half the time, in a number column, a number in one of its spellings.
Value drawValue(fuzz::ByteReader &in, std::string_view column)
{
    if (!isNumberColumn(column) || !in.flag())
        return anyValue(in);
    Value v;
    switch (in.below(3)) {
    case 0:
        v.type = SQLITE_INTEGER;
        v.integer = static_cast<std::int64_t>(in.below(16));
        break;
    case 1:
        v.type = SQLITE_INTEGER;
        v.integer = in.pick(kIntegers);
        break;
    default:
        v.type = SQLITE_TEXT;
        v.bytes = numericText(in);
    }
    return v;
}

void bindValue(sqlite3_stmt *st, int i, const Value &v)
{
    const int size = static_cast<int>(v.bytes.size());
    switch (v.type) {
    case SQLITE_INTEGER:
        sqlite3_bind_int64(st, i, v.integer);
        return;
    case SQLITE_FLOAT:
        sqlite3_bind_double(st, i, v.real);
        return;
    case SQLITE_TEXT:
        sqlite3_bind_text(st, i, v.bytes.data(), size, SQLITE_TRANSIENT);
        return;
    case SQLITE_BLOB:
        sqlite3_bind_blob(st, i, v.bytes.data(), size, SQLITE_TRANSIENT);
        return;
    default:
        sqlite3_bind_null(st, i);
    }
}

/// The values as SQL literals, for FUZZ_VERBOSE.
std::string describe(const std::vector<Value> &values)
{
    std::string out;
    for (const Value &v : values) {
        out += out.empty() ? "" : ", ";
        switch (v.type) {
        case SQLITE_INTEGER:
            out += std::to_string(v.integer);
            break;
        case SQLITE_FLOAT:
            out += std::to_string(v.real);
            break;
        case SQLITE_TEXT:
            out += "'" + v.bytes.substr(0, 80) + (v.bytes.size() > 80 ? "…'" : "'");
            break;
        case SQLITE_BLOB:
            out += "blob(" + std::to_string(v.bytes.size()) + " bytes)";
            break;
        default:
            out += "NULL";
        }
    }
    return out;
}

/// A file-level change made once SQLite has closed the file.
struct FileEdit
{
    bool pad = false;
    std::uint64_t size = 0;   ///< pad: the new size
    std::uint64_t offset = 0; ///< poke: where
    std::string bytes;        ///< poke: what
};

class Editor
{
public:
    Editor(fuzz::ByteReader &in, const std::string &path) : m_in(in)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
            fuzz::finding("cannot open the base document");
        exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF");
    }
    ~Editor() { sqlite3_close_v2(m_db); }
    Editor(const Editor &) = delete;
    Editor &operator=(const Editor &) = delete;

    /// Applies edits until the input or the budget runs out; returns the file-level ones.
    std::vector<FileEdit> run()
    {
        for (int ops = 0; ops < 32 && !m_in.empty(); ++ops)
            step();
        signalKeyShapes();
        return std::move(m_fileEdits);
    }

private:
    /// Runs SQL whose failure is an expected outcome of a hostile edit (a constraint, a type).
    void exec(const std::string &sql)
    {
        const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr);
        trace(sql, rc);
    }

    void trace(const std::string &sql, int rc) const
    {
        if (fuzz::verbose())
            std::fprintf(stderr, "sql: %s -> %s\n", sql.c_str(),
                         rc == SQLITE_OK || rc == SQLITE_DONE ? "ok" : sqlite3_errmsg(m_db));
    }

    /// Tells the fuzzer how the columns the reader indexes by look now (fuzz::signal): declared
    /// type, how many values are text, spelt unlike their number, not integers; the largest
    /// value against the row count, the smallest against 0, and rows out of numeric order.
    void signalKeyShapes()
    {
        struct Key
        {
            const Table &table;
            const char *column;
        };
        const Key keys[] = {{kTables[1], "idx"},
                            {kTables[3], "idx"},
                            {kTables[2], "node"},
                            {kTables[6], "node"},
                            {kTables[1], "deps"}};
        std::size_t feature = 0;
        for (const Key &k : keys) {
            const std::string c = k.column, t = k.table.name;
            fuzz::signal(feature++, affinityOf(k.table, c));
            const std::vector<std::int64_t> v =
                queryInts("SELECT count(*), sum(typeof(" + c + ") = 'text'), sum(typeof(" + c +
                              ") = 'text' AND CAST(CAST(" + c + " AS INTEGER) AS TEXT) IS NOT " + c +
                              "), sum(typeof(" + c + ") IN ('real', 'blob', 'null')), " + "sign(CAST(max(" +
                              c + ") AS INTEGER) + 1 - count(*)), sign(CAST(min(" + c + ") AS INTEGER)), " +
                              "(SELECT count(*) FROM (SELECT CAST(" + c + " AS INTEGER) AS v, lag(CAST(" + c +
                              " AS INTEGER)) " + "OVER (ORDER BY " + c + ") AS p FROM " + t +
                              ") WHERE v <= p) FROM " + t,
                          7);
            for (std::int64_t x : v)
                fuzz::signal(feature++, x);
            if (fuzz::verbose())
                std::fprintf(stderr,
                             "shape of %s.%s: count %lld, text %lld, respelt %lld, other %lld, "
                             "sign(max+1-count) %lld, sign(min) %lld, out of order %lld\n",
                             t.c_str(), c.c_str(), static_cast<long long>(v[0]), static_cast<long long>(v[1]),
                             static_cast<long long>(v[2]), static_cast<long long>(v[3]),
                             static_cast<long long>(v[4]), static_cast<long long>(v[5]),
                             static_cast<long long>(v[6]));
        }
    }

    /// The affinity SQLite gives `column` of `t` from its declared type (its datatype rules, §3.1):
    /// 0 integer, 1 text, 2 blob or none, 3 real, 4 numeric, 5 no such column.
    int affinityOf(const Table &t, const std::string &column)
    {
        sqlite3_stmt *st = nullptr;
        int affinity = 5;
        const std::string sql =
            std::string("SELECT upper(type) FROM pragma_table_info('") + t.name + "') WHERE name = ?";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, column.c_str(), -1, SQLITE_TRANSIENT);
            if (sqlite3_step(st) == SQLITE_ROW) {
                const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
                const std::string type = p ? p : "";
                auto has = [&](const char *w) { return type.find(w) != std::string::npos; };
                affinity = has("INT")                                  ? 0
                           : has("CHAR") || has("CLOB") || has("TEXT") ? 1
                           : has("BLOB") || type.empty()               ? 2
                           : has("REAL") || has("FLOA") || has("DOUB") ? 3
                                                                       : 4;
            }
        }
        sqlite3_finalize(st);
        return affinity;
    }

    /// The first row of `sql` as `n` integers (NULL as 0); zeros when it fails.
    std::vector<std::int64_t> queryInts(const std::string &sql, int n)
    {
        std::vector<std::int64_t> out(static_cast<std::size_t>(n), 0);
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW) {
            for (int i = 0; i < n; ++i)
                out[static_cast<std::size_t>(i)] = sqlite3_column_int64(st, i);
        }
        sqlite3_finalize(st);
        return out;
    }

    void step()
    {
        switch (m_in.below(13)) {
        case 0:
        case 1:
            retype();
            return;
        case 2:
        case 3:
            insert();
            return;
        case 4:
        case 5:
        case 6:
            update();
            return;
        case 7: {
            const Table &t = pickTable(m_in);
            exec(std::string("DELETE FROM ") + t.name + " WHERE " + rowSelector(t));
            return;
        }
        case 8:
            pragma();
            return;
        case 9:
            schema();
            return;
        case 10:
            wholeDatabase();
            return;
        case 11:
            grow();
            return;
        default:
            fileEdit();
        }
    }

    /// Half the time the table's first column, which the reader uses as the key (idx, node, key).
    std::size_t keyOrAnyColumn(const Table &t) { return m_in.flag() ? 0 : m_in.below(t.columns.size()); }

    /// "rowid = (the n-th row's)", or the same over the primary key of a WITHOUT ROWID table.
    std::string rowSelector(const Table &t)
    {
        const std::string n = std::to_string(m_in.below(12));
        const std::string key = withoutRowid(t) ? "(" + primaryKey(t) + ")" : "rowid";
        return key + " = (SELECT " + (withoutRowid(t) ? primaryKey(t) : "rowid") + " FROM " + t.name +
               " LIMIT 1 OFFSET " + n + ")";
    }

    std::string schemaSql(const Table &t)
    {
        sqlite3_stmt *st = nullptr;
        std::string sql;
        if (sqlite3_prepare_v2(m_db, "SELECT sql FROM sqlite_schema WHERE type='table' AND name=?", -1, &st,
                               nullptr) == SQLITE_OK) {
            sqlite3_bind_text(st, 1, t.name, -1, SQLITE_STATIC);
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                sql = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
        }
        sqlite3_finalize(st);
        return sql;
    }

    bool withoutRowid(const Table &t) { return schemaSql(t).find("WITHOUT ROWID") != std::string::npos; }

    /// The table's primary key columns, in order, comma-separated ("" when it has none).
    std::string primaryKey(const Table &t)
    {
        std::vector<std::pair<int, std::string>> keys;
        sqlite3_stmt *st = nullptr;
        const std::string sql = std::string("PRAGMA table_info(") + t.name + ")";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                if (const int pk = sqlite3_column_int(st, 5))
                    keys.emplace_back(pk, reinterpret_cast<const char *>(sqlite3_column_text(st, 1)));
            }
        }
        sqlite3_finalize(st);
        std::sort(keys.begin(), keys.end());
        std::string out;
        for (const auto &k : keys)
            out += (out.empty() ? "" : ", ") + k.second;
        return out;
    }

    /// The declared types of the table's columns now, by position ("" for a missing table).
    std::vector<std::string> declaredTypes(const Table &t)
    {
        std::vector<std::string> types;
        sqlite3_stmt *st = nullptr;
        const std::string sql = std::string("PRAGMA table_info(") + t.name + ")";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                const auto *type = reinterpret_cast<const char *>(sqlite3_column_text(st, 2));
                types.emplace_back(type ? type : "");
            }
        }
        sqlite3_finalize(st);
        return types;
    }

    /// Recreates a table with one column declared otherwise, copying the rows with that column's
    /// values respelt by one of kRespellings.
    void retype()
    {
        const Table &t = pickTable(m_in);
        std::vector<std::string> types = declaredTypes(t);
        if (types.size() != t.columns.size())
            return; // dropped, or recreated by an earlier edit with other columns
        const std::size_t column = keyOrAnyColumn(t);
        types[column] = m_in.pick(kDeclaredTypes);
        const std::string respelt = replaceAll(m_in.pick(kRespellings), "$", t.columns[column]);
        const std::string key = primaryKey(t);
        const bool keepKey = !key.empty() && m_in.byte() < 192;
        std::string create = "CREATE TABLE fuzz_new(", copy;
        for (std::size_t c = 0; c < t.columns.size(); ++c) {
            create += std::string(c ? ", " : "") + t.columns[c] + " " + types[c];
            copy += std::string(c ? ", " : "") + (c == column ? respelt : std::string(t.columns[c]));
        }
        if (keepKey)
            create += ", PRIMARY KEY(" + key + ")";
        create += ")";
        if (keepKey && withoutRowid(t) && m_in.flag())
            create += " WITHOUT ROWID";
        exec("DROP TABLE IF EXISTS fuzz_new");
        exec(create);
        exec("INSERT OR IGNORE INTO fuzz_new SELECT " + copy + " FROM " + t.name);
        exec(std::string("DROP TABLE ") + t.name);
        exec(std::string("ALTER TABLE fuzz_new RENAME TO ") + t.name);
        if (std::string_view(t.name) == "nodes" && m_in.byte() < 192)
            exec("CREATE UNIQUE INDEX IF NOT EXISTS nodes_id ON nodes(id)");
    }

    /// A copy of an existing row (or NULLs when there is none) with up to three columns set.
    void insert()
    {
        const Table &t = pickTable(m_in);
        const std::size_t n = t.columns.size();
        std::vector<int> chosen(n, 0);
        const std::size_t overrides = 1 + m_in.below(3);
        for (std::size_t k = 0; k < overrides; ++k)
            chosen[keyOrAnyColumn(t)] = 1;
        const std::string offset = std::to_string(m_in.below(12));
        std::string copy, fresh;
        std::vector<Value> values;
        for (std::size_t c = 0; c < n; ++c) {
            copy += std::string(c ? ", " : "") + (chosen[c] ? "?" : t.columns[c]);
            fresh += std::string(c ? ", " : "") + (chosen[c] ? "?" : "NULL");
            if (chosen[c])
                values.push_back(drawValue(m_in, t.columns[c]));
        }
        const std::string name = t.name;
        if (insertRow("INSERT INTO " + name + " SELECT " + copy + " FROM " + name + " LIMIT 1 OFFSET " +
                          offset,
                      values) == 0)
            insertRow("INSERT INTO " + name + " VALUES(" + fresh + ")", values);
    }

    /// Runs an insert with `values` bound in order; returns the rows it added.
    int insertRow(const std::string &sql, const std::vector<Value> &values)
    {
        sqlite3_stmt *st = nullptr;
        int added = 0;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            for (std::size_t i = 0; i < values.size(); ++i)
                bindValue(st, static_cast<int>(i) + 1, values[i]);
            if (sqlite3_step(st) == SQLITE_DONE)
                added = sqlite3_changes(m_db);
        }
        trace(sql + " [" + describe(values) + "]", added ? SQLITE_OK : sqlite3_errcode(m_db));
        sqlite3_finalize(st);
        return added;
    }

    void update()
    {
        const Table &t = pickTable(m_in);
        const std::string column = t.columns[keyOrAnyColumn(t)];
        const std::string where = rowSelector(t);
        const Value value = drawValue(m_in, column);
        const std::string sql = std::string("UPDATE ") + t.name + " SET " + column + " = ? WHERE " + where;
        sqlite3_stmt *st = nullptr;
        int rc = SQLITE_ERROR;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            bindValue(st, 1, value);
            rc = sqlite3_step(st);
        }
        trace(sql + " [" + describe({value}) + "]", rc);
        sqlite3_finalize(st);
    }

    void pragma()
    {
        const char *name = m_in.flag() ? "user_version" : "application_id";
        const std::int64_t value = m_in.byte() < 128 ? static_cast<std::int64_t>(m_in.below(5)) - 1
                                                     : static_cast<std::int32_t>(m_in.pick(kIntegers));
        exec(std::string("PRAGMA ") + name + " = " + std::to_string(value));
    }

    void schema()
    {
        const Table &t = pickTable(m_in);
        switch (m_in.below(5)) {
        case 0:
            exec(std::string("DROP TABLE IF EXISTS ") + t.name);
            return;
        case 1:
            exec(t.create);
            return;
        case 2:
            exec("DROP INDEX IF EXISTS nodes_id");
            return;
        case 3:
            exec("CREATE UNIQUE INDEX IF NOT EXISTS nodes_id ON nodes(id)");
            return;
        default: // schema 1: edges as rows, no deps column
            exec(kTables[6].create);
            exec("INSERT OR IGNORE INTO edges VALUES(7, 0, 4, 0, NULL), (7, 1, 6, 2, '{}'), (6, 0, 5, 0, "
                 "NULL)");
            exec("PRAGMA user_version = 1");
        }
    }

    void wholeDatabase()
    {
        constexpr const char *kStatements[] = {
            "VACUUM",
            "PRAGMA page_size = 512; VACUUM",
            "PRAGMA page_size = 65536; VACUUM",
            "PRAGMA auto_vacuum = FULL; VACUUM",
            "ANALYZE",
            "ANALYZE; UPDATE sqlite_stat1 SET stat = '1 1'",
            "REINDEX",
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'INTEGER PRIMARY KEY', "
            "'TEXT PRIMARY KEY') WHERE name = 'nodes'; PRAGMA writable_schema = OFF",
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'deps BLOB', 'deps "
            "TEXT') "
            "WHERE name = 'nodes'; PRAGMA writable_schema = OFF",
            "CREATE TABLE extra_table(a, b); INSERT INTO extra_table VALUES(1, 2)",
        };
        exec(m_in.pick(kStatements));
    }

    /// Appends generated nodes after the last idx: mostly a few, rarely 60,000 (past the size at
    /// which the reader splits the rows between threads), up to 120,000 per input in all.
    void grow()
    {
        constexpr std::size_t kCounts[] = {2, 10, 100, 1000};
        const std::size_t wanted = m_in.byte() == 0xFF ? 60'000 : m_in.pick(kCounts);
        const std::size_t count = std::min(wanted, kMaxGrown - m_grown);
        m_grown += count;
        exec("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < " +
             std::to_string(count) +
             ") INSERT INTO nodes(idx, id, kind, gate, blockable, users) SELECT (SELECT max(idx) FROM nodes) "
             "+ i, "
             "'g' || i, 'service', 'all', 1, i FROM c");
    }

    void fileEdit()
    {
        FileEdit e;
        if (m_in.flag()) {
            constexpr std::uint64_t kSizes[] = {std::uint64_t{1} << 20, std::uint64_t{1} << 26,
                                                std::uint64_t{1} << 30, std::uint64_t{1} << 34,
                                                std::uint64_t{1} << 36};
            e.pad = true;
            e.size = m_in.pick(kSizes);
        } else {
            // Mostly the header's numbers (page size 16, counters 24 and 92, page count 28,
            // freelist 32, schema format 44, encoding 56, user version 60, application id 68).
            constexpr std::uint64_t kOffsets[] = {16, 18, 20, 24, 28, 32, 36, 40, 44,
                                                  48, 52, 56, 60, 64, 68, 92, 96};
            e.offset = m_in.byte() < 160 ? m_in.pick(kOffsets) : m_in.bits(2);
            const std::size_t n = 1 + m_in.below(4);
            for (std::size_t i = 0; i < n; ++i)
                e.bytes += static_cast<char>(m_in.byte());
        }
        m_fileEdits.push_back(std::move(e));
    }

    static constexpr std::size_t kMaxGrown = 120'000;

    fuzz::ByteReader &m_in;
    sqlite3 *m_db = nullptr;
    std::vector<FileEdit> m_fileEdits;
    std::size_t m_grown = 0;
};

void applyFileEdits(const std::string &path, const std::vector<FileEdit> &edits)
{
    const int fd = ::open(path.c_str(), O_WRONLY);
    if (fd < 0)
        fuzz::finding("cannot open the edited document");
    for (const FileEdit &e : edits) {
        if (fuzz::verbose() && e.pad)
            std::fprintf(stderr, "file: size %llu\n", static_cast<unsigned long long>(e.size));
        if (fuzz::verbose() && !e.pad)
            std::fprintf(stderr, "file: %zu bytes at offset %llu\n", e.bytes.size(),
                         static_cast<unsigned long long>(e.offset));
        if (e.pad) {
            if (::ftruncate(fd, static_cast<off_t>(e.size)) != 0)
                fuzz::finding("ftruncate failed");
        } else if (::pwrite(fd, e.bytes.data(), e.bytes.size(), static_cast<off_t>(e.offset)) < 0) {
            fuzz::finding("pwrite failed");
        }
    }
    ::close(fd);
}

/// The document every input starts from, as bytes: the small model with positions, settings and
/// edge evidence, written by writeDocument and then vacuumed to 1 KiB pages to stay small.
const std::string &baseDocument()
{
    static const std::string bytes = [] {
        DocumentData doc;
        doc.model = fuzz::smallModel();
        doc.model.nodes[7].dependsOn[0].mutableEvidence().note = "seen in a capture";
        doc.model.nodes[7].tags = {"fuzz"};
        doc.positions["net"] = NodePosition{1.5, -2, true};
        doc.positions["fn"] = NodePosition{10, 20, false};
        doc.viewSettings["zoom"] = "1.25";
        const std::string path = (fuzz::tempDir() / "base.chokepoint").string();
        writeDocument(doc, path);
        sqlite3 *db = nullptr;
        sqlite3_open(path.c_str(), &db);
        if (sqlite3_exec(db, "PRAGMA page_size = 1024; VACUUM", nullptr, nullptr, nullptr) != SQLITE_OK)
            fuzz::finding("cannot compact the base document");
        sqlite3_close(db);
        readDocument(path); // the start must be valid, or every finding is about the harness
        return fuzz::readFile(path);
    }();
    return bytes;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = (fuzz::tempDir() / "fuzz.chokepoint").string();
    fuzz::writeFile(path, baseDocument());
    fuzz::ByteReader in(data, size);
    std::vector<FileEdit> fileEdits = Editor(in, path).run();
    applyFileEdits(path, fileEdits);
    DocumentData doc;
    try {
        doc = readDocument(path);
    } catch (const InputError &) {
        return 0;
    }
    fuzz::EngineLimits limits; // the engine has harnesses of its own: here, a quick pass
    limits.explainNodes = 1;
    limits.rank = false;
    limits.cutSetTargets = 1;
    fuzz::exerciseModel(doc.model, limits);
    return 0;
}
