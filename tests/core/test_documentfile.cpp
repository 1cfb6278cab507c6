#include "io/documentfile.h"
#include "io/jsonformat.h"
#include "model/generator.h"
#include "testutil.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <limits>
#include <random>
#include <set>
#include <sqlite3.h>
#include <sys/stat.h>

namespace chokepoint {
namespace {

namespace fs = std::filesystem;

// A model that uses every field the format knows, and some it does not (kept as extras).
constexpr const char *kRichModel = R"({
  "format": "chokepoint", "version": 1,
  "model": {"id": "rich", "title": "Rich model", "description": "Every field, once",
            "defaultScenario": "ban",
            "sources": [{"url": "https://example.org/m", "title": "Model notes", "date": "2025-01", "grade": "press",
                         "archived": "https://web.archive.org/m"}],
            "i18n": {"ru": {"title": "Модель"}}, "license": "CC-BY-4.0"},
  "nodes": [
    {"id": "port-443", "name": "Port 443", "kind": "port", "blockable": true, "category": "transport"},
    {"id": "port-5223", "name": "Port 5223", "kind": "port", "blockable": true, "category": "transport"},
    {"id": "apns", "name": "Push service", "kind": "platform-service", "gate": "any",
     "dependsOn": ["port-5223",
                   {"node": "port-443", "type": "fallback", "note": "falls back to 443", "date": "2024-05-02",
                    "sources": [{"url": "https://support.apple.com/102266", "grade": "vendor"}],
                    "confidence": "high", "seenIn": ["ru", "ir"]}],
     "blockable": true, "owner": "Apple", "description": "Apple Push Notification service",
     "sources": [{"url": "https://developer.apple.com/apns", "title": "APNs", "date": "2025-12-04", "grade": "vendor"},
                 {"url": "https://ooni.org/x", "grade": "measurement", "probe": 7}],
     "confidence": "medium", "tags": ["push", "apple"],
     "i18n": {"ru": {"name": "Пуш-уведомления", "description": "Сервис Apple"}}, "color": "#ff0000", "weight": 2.5},
    {"id": "vpn", "name": "VPN", "kind": "countermeasure", "dependsOn": [{"node": "port-443", "type": "hard"}]},
    {"id": "imessage", "name": "iMessage", "kind": "function", "gate": {"atLeast": 1},
     "dependsOn": [{"node": "apns", "type": "hard", "note": "rides on push"}, {"node": "vpn", "type": "fallback"},
                   {"node": "port-443", "type": "soft"}],
     "users": 40000000, "category": "messaging", "confidence": "low"},
    {"id": "app_x.1", "name": "", "kind": "app", "dependsOn": ["imessage"], "users": 12}
  ],
  "scenarios": [
    {"id": "ban", "title": "Ban", "date": "2025-08-13", "description": "Block the push port",
     "actions": [{"node": "port-5223", "action": "block"}, {"node": "vpn", "action": "enable", "why": "test"}],
     "targets": ["port-5223"],
     "steps": [{"title": "Throttle", "date": "2025-08", "notes": "say this", "actions": [{"node": "apns", "action": "throttle"}],
                "i18n": {"ru": {"title": "Замедление"}}, "highlight": true}],
     "expect": {"failed": ["port-5223"], "degraded": ["imessage"], "note": "as observed"},
     "sources": [{"url": "https://example.org/ban", "grade": "press"}],
     "i18n": {"ru": {"title": "Запрет"}}, "author": "someone"},
    {"id": "empty", "actions": []}
  ],
  "layout": {"dpi": 96}, "comment": "top-level extra"
})";

std::string readBytes(const fs::path &file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const fs::path &file, const std::string &bytes)
{
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::set<std::string> listDir(const fs::path &dir)
{
    std::set<std::string> names;
    for (const auto &entry : fs::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

/// Runs SQL on a file directly, as a foreign tool (or an attacker) would.
DocumentData richDocument()
{
    DocumentData doc;
    doc.model = parseJsonModel(kRichModel, "rich.json");
    doc.positions["apns"] = {1.5, -2.25, true};
    doc.positions["imessage"] = {100, 200, false};
    doc.viewSettings["zoom"] = "1.25";
    doc.viewSettings["collapsed"] = R"(["apps"])";
    doc.viewSettings["empty"] = "";
    return doc;
}

/// Expects readDocument(file) to throw an InputError naming the file and saying `expected`, and
/// the file (and its folder) to be exactly as before.
void expectRejected(const fs::path &file, const std::string &expected)
{
    SCOPED_TRACE(file.filename().string());
    const bool existed = fs::exists(file);
    const std::string before = existed ? readBytes(file) : std::string();
    const auto dirBefore = listDir(file.parent_path());
    try {
        readDocument(file.string());
        ADD_FAILURE() << "no error for " << file;
    } catch (const InputError &e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(file.string()), std::string::npos) << what;
        EXPECT_NE(what.find(expected), std::string::npos) << what;
    }
    EXPECT_EQ(fs::exists(file), existed);
    if (existed) {
        EXPECT_EQ(readBytes(file), before) << "the input file was changed";
    }
    EXPECT_EQ(listDir(file.parent_path()), dirBefore) << "files appeared next to the input";
}

void expectEdgesMatch(const Model &a, const Model &b)
{
    ASSERT_EQ(a.nodes.size(), b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        ASSERT_EQ(a.nodes[i].dependsOn.size(), b.nodes[i].dependsOn.size()) << a.nodes[i].id;
        for (std::size_t k = 0; k < a.nodes[i].dependsOn.size(); ++k)
            EXPECT_EQ(a.nodes[i].dependsOn[k].hasEvidence(), b.nodes[i].dependsOn[k].hasEvidence())
                << a.nodes[i].id << " -> " << a.nodes[i].dependsOn[k].node;
    }
}

TEST(DocumentFile, RoundTripsEveryField)
{
    test::TempDir dir;
    const DocumentData doc = richDocument();
    const std::string path = dir.path("rich.chokepoint").string();
    writeDocument(doc, path);

    const DocumentData back = readDocument(path);
    EXPECT_EQ(toJsonText(back.model), toJsonText(doc.model));
    EXPECT_TRUE(back.model == doc.model);
    EXPECT_EQ(back.positions, doc.positions);
    EXPECT_EQ(back.viewSettings, doc.viewSettings);
    EXPECT_TRUE(back == doc);
    expectEdgesMatch(back.model, doc.model);

    // Spot checks of what is easy to lose.
    const Node *apns = back.model.node("apns");
    ASSERT_NE(apns, nullptr);
    EXPECT_EQ(apns->extra.dump(), R"({"color":"#ff0000","weight":2.5})");
    EXPECT_EQ(apns->displayName("ru"), "Пуш-уведомления");
    ASSERT_TRUE(apns->dependsOn[1].hasEvidence());
    EXPECT_EQ(apns->dependsOn[1].evidence()->extra.dump(), R"({"seenIn":["ru","ir"]})");
    EXPECT_FALSE(apns->dependsOn[0].hasEvidence());
    EXPECT_TRUE(back.model.node("vpn")->dependsOn[0].hasEvidence()); // an object without evidence fields
    EXPECT_EQ(back.model.info.defaultScenario, "ban");
    EXPECT_EQ(back.model.topExtra.dump(), R"({"layout":{"dpi":96},"comment":"top-level extra"})");
    EXPECT_EQ(back.model.scenarios.at(0).steps.at(0).extra.dump(), R"({"highlight":true})");
    EXPECT_EQ(back.model.indexOf("imessage"), 4u); // the model comes back indexed
}

TEST(DocumentFile, KeepsWhatJsonCannotSpell)
{
    // Built in code, a model can hold unknown fields named like known ones, and bytes that are
    // not text; the document keeps them apart and intact.
    Model model = test::modelFromNodes(R"([{"id": "a", "name": "A", "kind": "service"}])");
    model.nodes[0].extra["name"] = "an unknown field called name";
    model.nodes[0].description = std::string("nul\0inside", 10);
    model.nodes[0].users = kMaxUsers;
    DocumentData doc;
    doc.model = model;
    doc.positions["a"] = {-1e300, 1e-300, false};
    test::TempDir dir;
    const std::string path = dir.path("odd.chokepoint").string();
    writeDocument(doc, path);
    EXPECT_TRUE(readDocument(path) == doc);
}

TEST(DocumentFile, JsonThroughDocumentIsByteIdenticalToJson)
{
    std::vector<std::pair<std::string, Model>> models;
    models.emplace_back("rich", parseJsonModel(kRichModel, "rich.json"));
    if (fs::is_directory(CHOKEPOINT_DATA_DIR)) {
        for (const auto &entry : fs::directory_iterator(CHOKEPOINT_DATA_DIR)) {
            if (entry.path().extension() == ".json")
                models.emplace_back(entry.path().filename().string(), readJsonModel(entry.path().string()));
        }
    }
    models.emplace_back("synthetic", generateEcosystem(300, 3));

    test::TempDir dir;
    for (const auto &[name, model] : models) {
        SCOPED_TRACE(name);
        const std::string viaJson = toJsonText(parseJsonModel(toJsonText(model), name));
        DocumentData doc;
        doc.model = model;
        const std::string path = dir.path(name + ".chokepoint").string();
        writeDocument(doc, path);
        EXPECT_EQ(toJsonText(readDocument(path).model), viaJson);
    }
}

TEST(DocumentFile, RoundTripsLargeModelsReadInParallel)
{
    // Large enough to be read by several connections at once (one per 50,000 nodes, at most one
    // per core), when the machine has more than one core.
    DocumentData doc;
    doc.model = generateEcosystem(60'000, 11);
    ASSERT_GT(doc.model.nodes.size(), 100'000u);
    for (std::size_t i = 0; i < doc.model.nodes.size(); i += 97)
        doc.positions[doc.model.nodes[i].id] = {double(i), -double(i), i % 2 == 0};
    test::TempDir dir;
    const std::string path = dir.path("large.chokepoint").string();
    writeDocument(doc, path);
    const DocumentData back = readDocument(path);
    EXPECT_TRUE(back == doc);
    expectEdgesMatch(back.model, doc.model);
}

TEST(DocumentFile, EmptyModelRoundTrips)
{
    DocumentData doc;
    doc.model.info.id = "empty";
    test::TempDir dir;
    const std::string path = dir.path("empty.chokepoint").string();
    writeDocument(doc, path);
    EXPECT_TRUE(readDocument(path) == doc);
}

TEST(DocumentFile, LooksLikeSqlite)
{
    test::TempDir dir;
    writeDocument(richDocument(), dir.path("a.chokepoint").string());
    writeBytes(dir.path("text.chokepoint"), "SQLite format 2 and then some");
    writeBytes(dir.path("empty.chokepoint"), "");
    EXPECT_TRUE(looksLikeSqlite(dir.path("a.chokepoint").string()));
    EXPECT_FALSE(looksLikeSqlite(dir.path("text.chokepoint").string()));
    EXPECT_FALSE(looksLikeSqlite(dir.path("empty.chokepoint").string()));
    EXPECT_FALSE(looksLikeSqlite(dir.path("missing.chokepoint").string()));
}

TEST(DocumentFile, ReadingLeavesTheFileAsItWas)
{
    test::TempDir dir;
    const fs::path path = dir.path("a.chokepoint");
    writeDocument(richDocument(), path.string());
    const std::string before = readBytes(path);
    const auto files = listDir(dir.root());
    readDocument(path.string());
    EXPECT_EQ(readBytes(path), before);
    EXPECT_EQ(listDir(dir.root()), files);
}

TEST(DocumentFileErrors, RejectsFilesThatAreNotSqlite)
{
    test::TempDir dir;
    writeBytes(dir.path("text.chokepoint"), "{\"format\": \"chokepoint\"}\n");
    expectRejected(dir.path("text.chokepoint"), "not a Chokepoint document (not an SQLite database)");
    writeBytes(dir.path("empty.chokepoint"), "");
    expectRejected(dir.path("empty.chokepoint"), "not a Chokepoint document (the file is empty)");
    expectRejected(dir.path("missing.chokepoint"), "cannot open the file");
}

TEST(DocumentFileErrors, RejectsOtherSqliteDatabases)
{
    test::TempDir dir;
    const fs::path path = dir.path("other.chokepoint");
    test::execSql(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);");
    expectRejected(path, "not a Chokepoint document (an SQLite database of another application)");
}

TEST(DocumentFileErrors, RejectsNewerAndMissingSchemaVersions)
{
    test::TempDir dir;
    const fs::path newer = dir.path("newer.chokepoint");
    writeDocument(richDocument(), newer.string());
    test::execSql(newer, "PRAGMA user_version=99;");
    expectRejected(newer, "written by a newer Chokepoint (schema 99; this version reads up to 2)");

    const fs::path none = dir.path("none.chokepoint");
    writeDocument(richDocument(), none.string());
    test::execSql(none, "PRAGMA user_version=0;");
    expectRejected(none, "no valid schema version");
}

TEST(DocumentFileErrors, RejectsTruncatedDocuments)
{
    test::TempDir dir;
    DocumentData doc;
    doc.model = generateEcosystem(2'000, 5);
    const fs::path path = dir.path("cut.chokepoint");
    writeDocument(doc, path.string());
    const std::string bytes = readBytes(path);
    writeBytes(path, bytes.substr(0, bytes.size() / 2));
    expectRejected(path, "the document is truncated");
    writeBytes(path, bytes.substr(0, 60));
    expectRejected(path, "the document is truncated");
}

TEST(DocumentFileErrors, RejectsCorruptedDocuments)
{
    test::TempDir dir;
    DocumentData doc;
    doc.model = generateEcosystem(2'000, 5);
    const fs::path path = dir.path("garbage.chokepoint");
    writeDocument(doc, path.string());
    std::string bytes = readBytes(path);
    std::mt19937 rng(1234);
    for (std::size_t i = bytes.size() / 4; i < bytes.size() * 3 / 4; ++i)
        bytes[i] = static_cast<char>(rng());
    writeBytes(path, bytes);
    expectRejected(path, "");
}

TEST(DocumentFileErrors, SurvivesRandomDamage)
{
    // Whatever the damage, reading ends in a model or an InputError: never a crash, never another
    // exception. (Damage in unused space, or to a name, can leave a valid model.)
    test::TempDir dir;
    DocumentData doc;
    doc.model = generateEcosystem(300, 2);
    const fs::path path = dir.path("fuzz.chokepoint");
    writeDocument(doc, path.string());
    const std::string bytes = readBytes(path);
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        std::string damaged = bytes;
        const std::size_t at = rng() % damaged.size();
        const std::size_t length =
            std::min<std::size_t>(damaged.size() - at, round % 2 ? rng() % 4096 : 1 + rng() % 8);
        for (std::size_t i = at; i < at + length; ++i)
            damaged[i] = static_cast<char>(rng());
        writeBytes(path, damaged);
        try {
            readDocument(path.string());
        } catch (const InputError &) {
        } catch (const std::exception &e) {
            ADD_FAILURE() << "round " << round << ": " << e.what();
        }
    }
}

TEST(DocumentFileErrors, RejectsInvalidModels)
{
    test::TempDir dir;
    DocumentData doc;
    doc.model = test::modelFromNodes(R"([{"id": "a", "name": "A", "kind": "service", "dependsOn": ["b"]},
                                         {"id": "b", "name": "B", "kind": "service"}])");
    const fs::path path = dir.path("cycle.chokepoint");
    writeDocument(doc, path.string());
    test::execSql(path, "UPDATE nodes SET deps=X'00000000' WHERE idx=1;"); // b now depends on a, hard
    expectRejected(path, "cycle");
}

TEST(DocumentFileErrors, RejectsMalformedRows)
{
    test::TempDir dir;
    struct Case
    {
        const char *name;
        std::string sql;
        const char *expected;
    };
    const Case cases[] = {
        {"kind", "UPDATE nodes SET kind='satellite' WHERE id='apns';", "node 'apns': kind \"satellite\""},
        {"gate", "UPDATE nodes SET gate='most' WHERE id='apns';", "node 'apns': gate \"most\""},
        {"extra", "UPDATE nodes SET extra='{not json' WHERE id='apns';",
         "node 'apns': column 'extra' is not valid JSON"},
        {"deep",
         "UPDATE nodes SET extra='" + std::string(5000, '[') + std::string(5000, ']') + "' WHERE id='apns';",
         "nested too deep"},
        {"sources", "UPDATE nodes SET extra='{\"sources\": 3}' WHERE id='apns';",
         "node 'apns': field \"sources\""},
        {"users", "UPDATE nodes SET users='many' WHERE id='apns';", "users is not a whole number"},
        // nodes.deps packs (type << 30) | target, four bytes little-endian per edge.
        {"dep", "UPDATE nodes SET deps=X'63000000' WHERE id='apns';", "node 'apns': depends on node index 99"},
        {"type", "UPDATE nodes SET deps=X'000000C0' WHERE id='apns';", "node 'apns': dependency type 3"},
        {"deps-length", "UPDATE nodes SET deps=X'000000' WHERE id='apns';", "node 'apns': column 'deps' is malformed"},
        {"deps-text", "UPDATE nodes SET deps='port-443' WHERE id='apns';", "node 'apns': column 'deps' is malformed"},
        {"deps-long", "UPDATE nodes SET deps=zeroblob(4000) WHERE id='apns';",
         "node 'apns': column 'deps' is malformed: it lists 1000 edges, more than there are nodes"},
        {"gap", "DELETE FROM nodes WHERE idx=1;", "idx must run 0, 1, 2"},
        {"evidence-node", "INSERT INTO edge_evidence VALUES(50, 0, '{}');", "it names node index 50"},
        {"evidence-pos", "INSERT INTO edge_evidence VALUES(3, 1, '{}');",
         "node 'vpn': table 'edge_evidence' names dependency 1, but the node has 1"},
        {"evidence-json", "UPDATE edge_evidence SET evidence='{\"note\": ' WHERE node=2;",
         "node 'apns': column 'evidence' is not valid JSON"},
        {"evidence-field", "UPDATE edge_evidence SET evidence='{\"weight\": 1}' WHERE node=2;",
         "node 'apns': column 'evidence' has an unknown field \"weight\""},
        {"evidence-table", "DROP TABLE edge_evidence;", "no such table: edge_evidence"},
        {"scenario", "UPDATE scenarios SET json='[]' WHERE id='ban';", "scenario 'ban'"},
        {"info", "DELETE FROM model WHERE key='info';", "no 'info' row"},
        {"table", "DROP TABLE positions;", "no such table: positions"},
    };
    for (const Case &c : cases) {
        const fs::path path = dir.path(std::string(c.name) + ".chokepoint");
        writeDocument(richDocument(), path.string());
        test::execSql(path, c.sql);
        expectRejected(path, c.expected);
    }
}

/// A schema 1 document (one row per edge in a table 'edges'), as Chokepoint wrote the starter
/// model before schema 2, rebuilt from its SQL dump.
fs::path schemaOneDocument(const test::TempDir &dir, const std::string &name)
{
    const fs::path path = dir.path(name + ".chokepoint");
    test::execSql(path, readBytes(fs::path(CHOKEPOINT_CASES_DIR) / "starter-v1.sql") +
                      "PRAGMA application_id=" + std::to_string(kDocumentApplicationId) + "; PRAGMA user_version=1;");
    return path;
}

TEST(DocumentFileSchemaOne, StillReads)
{
    test::TempDir dir;
    const DocumentData old = readDocument(schemaOneDocument(dir, "old").string());
    const Model &m = old.model;
    EXPECT_EQ(m.nodes.size(), 31u);
    EXPECT_EQ(m.edgeCount(), 39u);
    const Node *apns = m.node("apns");
    ASSERT_NE(apns, nullptr);
    ASSERT_EQ(apns->dependsOn.size(), 2u);
    EXPECT_EQ(apns->dependsOn[1].node, "apns-over-443");
    EXPECT_EQ(apns->dependsOn[1].type, DepType::Fallback);
    ASSERT_TRUE(apns->dependsOn[1].hasEvidence());
    EXPECT_EQ(apns->dependsOn[1].evidence()->note, "fallback when 5223 is unreachable");
    EXPECT_EQ(m.resolvedDependencies(*m.indexOf("apns"))[1], *m.indexOf("apns-over-443"));

    // Saved again, it becomes a schema 2 document with the same content.
    const fs::path again = dir.path("again.chokepoint");
    writeDocument(old, again.string());
    EXPECT_TRUE(readDocument(again.string()) == old);
    expectEdgesMatch(readDocument(again.string()).model, m);
}

TEST(DocumentFileSchemaOne, RejectsMalformedEdges)
{
    test::TempDir dir;
    struct Case
    {
        const char *name;
        const char *sql;
        const char *expected;
    };
    const Case cases[] = {
        {"dep", "UPDATE edges SET dep=99 WHERE node=(SELECT idx FROM nodes WHERE id='apns') AND pos=0;",
         "node 'apns': depends on node index 99"},
        {"type", "UPDATE edges SET type=7 WHERE node=(SELECT idx FROM nodes WHERE id='apns') AND pos=0;",
         "dependency type 7"},
        {"edge", "INSERT INTO edges VALUES(50, 0, 0, 0, NULL);", "an edge leaves node index 50"},
        {"evidence", "UPDATE edges SET evidence='[' WHERE node=(SELECT idx FROM nodes WHERE id='apns');",
         "node 'apns': column 'evidence' is not valid JSON"},
    };
    for (const Case &c : cases) {
        const fs::path path = schemaOneDocument(dir, c.name);
        test::execSql(path, c.sql);
        expectRejected(path, c.expected);
    }
}

TEST(DocumentFileSave, ToAMissingFolderThrowsAndLeavesNothing)
{
    test::TempDir dir;
    const fs::path path = dir.root() / "missing" / "doc.chokepoint";
    EXPECT_THROW(writeDocument(richDocument(), path.string()), InputError);
    EXPECT_FALSE(fs::exists(dir.root() / "missing"));
    EXPECT_TRUE(listDir(dir.root()).empty());
}

TEST(DocumentFileSave, ReplacesAnExistingFileCompletely)
{
    test::TempDir dir;
    const fs::path path = dir.path("doc.chokepoint");
    DocumentData big;
    big.model = generateEcosystem(3'000, 9);
    big.viewSettings["old"] = "setting";
    writeDocument(big, path.string());
    ::chmod(path.c_str(), 0640);

    const DocumentData small = richDocument();
    writeDocument(small, path.string());
    EXPECT_TRUE(readDocument(path.string()) == small);
    EXPECT_EQ(listDir(dir.root()), std::set<std::string>{"doc.chokepoint"});
    EXPECT_EQ(fs::status(path).permissions(),
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

    // Over a file that is not a document at all.
    writeBytes(path, "plain text");
    writeDocument(small, path.string());
    EXPECT_TRUE(readDocument(path.string()) == small);
}

TEST(DocumentFileSave, AFailedSaveLeavesTheOldFileUntouched)
{
    test::TempDir dir;
    const fs::path path = dir.path("doc.chokepoint");
    writeDocument(richDocument(), path.string());
    const std::string before = readBytes(path);

    DocumentData broken = richDocument();
    broken.model.nodes.back().dependsOn.emplace_back("nowhere", DepType::Hard);
    try {
        writeDocument(broken, path.string());
        ADD_FAILURE() << "an unknown dependency was saved";
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("node 'app_x.1': cannot be saved: depends on unknown node 'nowhere'"),
                  std::string::npos)
            << e.what();
    }
    DocumentData duplicate = richDocument();
    duplicate.model.nodes.back().id = "apns";
    try {
        writeDocument(duplicate, path.string());
        ADD_FAILURE() << "a duplicate id was saved";
    } catch (const InputError &e) {
        EXPECT_NE(std::string(e.what()).find("node 'apns': cannot be saved: duplicate id"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(readBytes(path), before);
    EXPECT_EQ(listDir(dir.root()), std::set<std::string>{"doc.chokepoint"});
}

} // namespace
} // namespace chokepoint
