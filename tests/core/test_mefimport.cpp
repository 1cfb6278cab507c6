#include "engine/evaluator.h"
#include "engine/graph.h"
#include "io/mefimport.h"
#include "model/validate.h"
#include "testutil.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

using namespace chokepoint;

namespace {


/// A MEF document with one fault tree holding `body`.
std::string mef(const std::string &body)
{
    return "<?xml version=\"1.0\"?>\n<opsa-mef>\n<define-fault-tree name=\"FT\">\n" + body +
           "</define-fault-tree>\n</opsa-mef>\n";
}

Actions blocks(std::initializer_list<const char *> ids)
{
    Actions actions;
    for (const char *id : ids)
        actions.push_back(Action{id, ActionType::Block});
    return actions;
}

/// The state of `id` when the nodes `blocked` are blocked.
State stateWith(const Model &model, const std::string &id, const Actions &actions)
{
    Graph g(model);
    Evaluator ev(g);
    ev.setActions(model, actions);
    return ev.stateOfNode(*model.indexOf(id));
}

/// The message of the InputError that importing `xml` throws, or "" when it imports.
std::string importError(const std::string &xml, const std::string &file = "t.xml")
{
    try {
        parseMefModel(xml, file);
    } catch (const InputError &e) {
        return e.what();
    }
    return {};
}

struct TableRow
{
    int basicEvents = 0;
    int gates = 0;
};

/// The cells of a Markdown table row, trimmed ("| a | b |" → {"a", "b"}).
std::vector<std::string> tableCells(const std::string &line)
{
    std::vector<std::string> cells;
    std::istringstream in(line);
    std::string cell;
    std::getline(in, cell, '|'); // before the first bar
    while (std::getline(in, cell, '|')) {
        const auto b = cell.find_first_not_of(' ');
        cells.push_back(b == std::string::npos ? std::string()
                                               : cell.substr(b, cell.find_last_not_of(' ') - b + 1));
    }
    return cells;
}

/// The aralia README table's basic event and gate counts, by file.
std::map<std::string, TableRow> readAraliaTable()
{
    std::ifstream in(test::araliaDir() / "README.md");
    std::map<std::string, TableRow> rows;
    std::string line;
    while (std::getline(in, line)) {
        const auto cells = tableCells(line);
        if (cells.size() < 3 || !cells[0].ends_with(".xml") || rows.count(cells[0]))
            continue;
        rows[cells[0]] = TableRow{std::stoi(cells[1]), std::stoi(cells[2])};
    }
    return rows;
}

std::size_t countTagged(const Model &model, const char *tag)
{
    return static_cast<std::size_t>(std::count_if(model.nodes.begin(), model.nodes.end(), [&](const Node &n) {
        return std::find(n.tags.begin(), n.tags.end(), tag) != n.tags.end();
    }));
}

} // namespace

// --- connectives ---

TEST(MefImport, OrFailsWhenAnyInputFails)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/></or></define-gate>)"
            "\n<define-basic-event name=\"a\"/><define-basic-event name=\"b\"/>\n"),
        "t.xml");
    const Node *top = m.node("top");
    ASSERT_NE(top, nullptr);
    EXPECT_EQ(top->gate.kind, GateKind::All);
    EXPECT_EQ(top->kind, Kind::Function);
    EXPECT_EQ(m.node("a")->kind, Kind::Service);
    EXPECT_TRUE(m.node("a")->blockable);
    EXPECT_TRUE(m.node("a")->dependsOn.empty());
    EXPECT_EQ(stateWith(m, "top", {}), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"a"})), State::Failed);
    EXPECT_EQ(stateWith(m, "top", blocks({"b"})), State::Failed);
}

TEST(MefImport, AndNeedsEveryInputToFail)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><and><basic-event name="a"/><basic-event name="b"/></and></define-gate>)"),
        "t.xml");
    EXPECT_EQ(m.node("top")->gate.kind, GateKind::Any);
    EXPECT_EQ(stateWith(m, "top", blocks({"a"})), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"b"})), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "b"})), State::Failed);
}

TEST(MefImport, AtLeastTwoOfThree)
{
    const Model m = parseMefModel(mef(R"(<define-gate name="top"><atleast min="2">
        <basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></atleast></define-gate>)"),
                                  "t.xml");
    const Node *top = m.node("top");
    EXPECT_EQ(top->gate.kind, GateKind::AtLeast);
    EXPECT_EQ(top->gate.k, 2); // n - k + 1 = 3 - 2 + 1 inputs must be ok
    EXPECT_EQ(stateWith(m, "top", blocks({"a"})), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"c"})), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "c"})), State::Failed);
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "b", "c"})), State::Failed);
}

TEST(MefImport, AtLeastExtremesBecomeAllAndAny)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><and><gate name="g1"/><gate name="g3"/></and></define-gate>
<define-gate name="g1"><atleast min="1"><basic-event name="a"/><basic-event name="b"/></atleast></define-gate>
<define-gate name="g3"><atleast min="2"><basic-event name="c"/><basic-event name="d"/></atleast></define-gate>)"),
        "t.xml");
    EXPECT_EQ(m.node("g1")->gate.kind, GateKind::All); // 1 of n is an or
    EXPECT_EQ(m.node("g3")->gate.kind, GateKind::Any); // n of n is an and
}

TEST(MefImport, CardinalityWithoutUpperBoundIsAtLeast)
{
    const Model m = parseMefModel(mef(R"(<define-gate name="top"><cardinality min="2" max="3">
        <basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></cardinality></define-gate>)"),
                                  "t.xml");
    EXPECT_EQ(m.node("top")->gate, (Gate{GateKind::AtLeast, 2}));
    EXPECT_NE(importError(mef(R"(<define-gate name="top"><cardinality min="1" max="2">
        <basic-event name="a"/><basic-event name="b"/><basic-event name="c"/></cardinality></define-gate>)")),
              "");
}

TEST(MefImport, BareReferencesAndSingleInputsAreGateAll)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><or><gate name="g1"/><gate name="g2"/><gate name="g3"/><gate name="g4"/></or></define-gate>
<define-gate name="g1"><gate name="g2"/></define-gate>
<define-gate name="g2"><basic-event name="a"/></define-gate>
<define-gate name="g3"><and><event name="b" type="basic-event"/></and></define-gate>
<define-gate name="g4"><or><basic-event name="c" type="basic-event"/></or></define-gate>)"),
        "t.xml");
    for (const char *id : {"g1", "g2", "g3", "g4"}) {
        const Node *n = m.node(id);
        ASSERT_NE(n, nullptr) << id;
        EXPECT_EQ(n->gate.kind, GateKind::All) << id;
        EXPECT_EQ(n->dependsOn.size(), 1u) << id;
        EXPECT_EQ(n->kind, Kind::Gate) << id;
    }
    EXPECT_EQ(m.node("g1")->dependsOn[0].node, "g2");
    EXPECT_EQ(m.node("g3")->dependsOn[0].node, "b");
    EXPECT_EQ(stateWith(m, "g1", blocks({"a"})), State::Failed);
    EXPECT_EQ(stateWith(m, "g3", blocks({"b"})), State::Failed);
}

TEST(MefImport, NestedFormulasBecomeHelperGates)
{
    const Model m = parseMefModel(mef(R"(<define-gate name="top">
  <or>
    <and><basic-event name="a"/><basic-event name="b"/></and>
    <atleast min="2"><basic-event name="a"/><basic-event name="c"/><or><basic-event name="d"/><basic-event name="e"/></or></atleast>
  </or>
</define-gate>)"),
                                  "t.xml");
    const Node *top = m.node("top");
    ASSERT_EQ(top->dependsOn.size(), 2u);
    EXPECT_EQ(top->dependsOn[0].node, "top.1");
    EXPECT_EQ(top->dependsOn[1].node, "top.2");
    EXPECT_EQ(m.node("top.1")->kind, Kind::Gate);
    EXPECT_EQ(m.node("top.1")->gate.kind, GateKind::Any);
    EXPECT_EQ(m.node("top.2")->gate, (Gate{GateKind::AtLeast, 2}));
    EXPECT_EQ(m.node("top.3")->gate.kind, GateKind::All);
    EXPECT_EQ(m.node("top.2")->dependsOn[2].node, "top.3");
    // File order: each helper follows its gate, events follow where first referenced.
    std::vector<std::string> ids;
    for (const Node &n : m.nodes)
        ids.push_back(n.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"top", "top.1", "a", "b", "top.2", "c", "top.3", "d", "e"}));
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "b"})), State::Failed);
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "e"})), State::Failed);
    EXPECT_EQ(stateWith(m, "top", blocks({"a", "d"})), State::Failed);
    EXPECT_EQ(stateWith(m, "top", blocks({"b", "c"})), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"c", "d"})), State::Failed); // c and (d or e)
    EXPECT_EQ(stateWith(m, "top", blocks({"b", "d"})), State::Ok);
}

TEST(MefImport, HelperIdsSkipTakenNames)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="g"><or><and><basic-event name="a"/><basic-event name="b"/></and><basic-event name="g.1"/></or></define-gate>)"),
        "t.xml");
    EXPECT_EQ(m.node("g.1")->kind, Kind::Service);
    EXPECT_EQ(m.node("g")->dependsOn[0].node, "g.2");
}

// --- names ---

TEST(MefImport, NamesMatchCaseInsensitivelyAndKeepTheDefiningSpelling)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="Top"><or><gate name="G1"/><basic-event name="PUMP"/></or></define-gate>
<define-gate name="g1"><and><basic-event name="Pump"/><basic-event name="valve"/></and></define-gate>
<define-basic-event name="pump"/>)"),
        "t.xml");
    ASSERT_NE(m.node("g1"), nullptr);
    ASSERT_NE(m.node("pump"), nullptr);
    EXPECT_EQ(m.node("G1"), nullptr);
    EXPECT_EQ(m.node("Top")->dependsOn[0].node, "g1");
    EXPECT_EQ(m.node("Top")->dependsOn[1].node, "pump");
    EXPECT_EQ(m.node("g1")->dependsOn[0].node, "pump");
    EXPECT_EQ(m.nodes.size(), 4u);
}

TEST(MefImport, InvalidIdCharactersBecomeUnderscores)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top gate"><or><basic-event name="pump/A"/><basic-event name="-x"/></or></define-gate>)"),
        "t.xml");
    ASSERT_NE(m.node("top_gate"), nullptr);
    EXPECT_EQ(m.node("top_gate")->name, "top gate");
    EXPECT_NE(m.node("pump_A"), nullptr);
    EXPECT_NE(m.node("_x"), nullptr);
}

TEST(MefImport, NamesCollidingAsIdsAreAnError)
{
    const std::string e = importError(mef(
        R"(<define-gate name="top"><or><basic-event name="a b"/><basic-event name="a_b"/></or></define-gate>)"));
    EXPECT_NE(e.find("'a_b'"), std::string::npos) << e;
    EXPECT_NE(e.find("a b"), std::string::npos) << e;
}

TEST(MefImport, DuplicateDefinitionIsAnError)
{
    const std::string e =
        importError(mef("<define-gate name=\"top\"><basic-event name=\"a\"/></define-gate>\n"
                        "<define-basic-event name=\"a\"/>\n<define-basic-event name=\"A\"/>\n"));
    EXPECT_NE(e.find("t.xml:6: basic event 'A': is defined twice"), std::string::npos) << e;
}

// --- house events, constants, sections ---

TEST(MefImport, HouseEventTrueIsBlockedByTheDefaultScenario)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><and><house-event name="maintenance"/><basic-event name="b"/></and></define-gate>
<define-gate name="g2"><and><house-event name="off"/><basic-event name="c"/></and></define-gate>
<define-house-event name="maintenance"><constant value="true"/></define-house-event>
<define-house-event name="off"><constant value="false"/></define-house-event>)"),
        "t.xml");
    EXPECT_EQ(m.info.defaultScenario, "house-events");
    const Scenario *s = m.scenario("house-events");
    ASSERT_NE(s, nullptr);
    ASSERT_EQ(s->actions.size(), 1u);
    EXPECT_EQ(s->actions[0].node, "maintenance");
    EXPECT_EQ(s->actions[0].type, ActionType::Block);
    EXPECT_EQ(s->targets, (std::vector<std::string>{"top", "g2"}));
    EXPECT_TRUE(m.node("maintenance")->blockable);
    EXPECT_FALSE(m.node("off")->blockable);
    const Actions actions = s->effectiveActions();
    EXPECT_EQ(stateWith(m, "top", actions), State::Ok);
    Actions more = actions;
    more.push_back(Action{"b", ActionType::Block});
    EXPECT_EQ(stateWith(m, "top", more), State::Failed); // the house event already holds
    more.push_back(Action{"c", ActionType::Block});
    EXPECT_EQ(stateWith(m, "g2", more), State::Ok); // the false house event never fails
}

TEST(MefImport, NoHouseEventsMeansNoScenario)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><or><house-event name="h"/><basic-event name="b"/></or></define-gate>
<define-house-event name="h"/>)"),
        "t.xml");
    EXPECT_TRUE(m.scenarios.empty());
    EXPECT_TRUE(m.info.defaultScenario.empty());
    EXPECT_FALSE(m.node("h")->blockable);
}

TEST(MefImport, ConstantsInFormulas)
{
    const Model m = parseMefModel(
        mef(R"(<define-gate name="top"><and><constant value="true"/><basic-event name="b"/></and></define-gate>)"),
        "t.xml");
    ASSERT_NE(m.node("top.1"), nullptr);
    EXPECT_EQ(m.scenario("house-events")->actions[0].node, "top.1");
    EXPECT_EQ(stateWith(m, "top", m.scenario("house-events")->actions), State::Ok);
    EXPECT_EQ(stateWith(m, "top", blocks({"top.1", "b"})), State::Failed);
}

TEST(MefImport, ModelDataAndSeveralTreesAndComponents)
{
    const std::string xml = R"(<?xml version="1.0"?>
<opsa-mef>
  <label>Two trees</label>
  <define-fault-tree name="first">
    <define-gate name="t1"><or><gate name="shared"/><basic-event name="a"/></or></define-gate>
    <define-component name="comp">
      <define-gate name="shared"><and><basic-event name="b"/><basic-event name="c"/></and></define-gate>
    </define-component>
  </define-fault-tree>
  <define-fault-tree name="second">
    <define-gate name="t2"><or><gate name="first.comp.shared"/><event name="d"/></or></define-gate>
  </define-fault-tree>
  <model-data>
    <define-basic-event name="a"><label>Pump A fails</label><float value="0.01"/></define-basic-event>
    <define-basic-event name="d"><float value="0.02"/></define-basic-event>
    <define-parameter name="p"><float value="1"/></define-parameter>
  </model-data>
  <define-event-tree name="et"/>
</opsa-mef>
)";
    const Model m = parseMefModel(xml, "dir/two.xml");
    EXPECT_EQ(m.info.id, "first");
    EXPECT_EQ(m.info.title, "first, second");
    EXPECT_NE(m.info.description.find("two.xml"), std::string::npos);
    EXPECT_NE(m.info.description.find("define-event-tree"), std::string::npos) << m.info.description;
    EXPECT_EQ(m.node("t1")->kind, Kind::Function);
    EXPECT_EQ(m.node("t2")->kind, Kind::Function);
    EXPECT_EQ(m.node("shared")->kind, Kind::Gate);
    EXPECT_EQ(m.node("t2")->dependsOn[0].node, "shared");
    EXPECT_EQ(m.node("a")->description, "Pump A fails");
    EXPECT_TRUE(m.node("d")->blockable);
    EXPECT_EQ(m.nodes.back().id, "d"); // defined last in the file
    EXPECT_TRUE(m.node("t1")->sources.empty());
}

// --- errors ---

TEST(MefImport, NonCoherentConnectiveNamesGateAndLine)
{
    const std::string xml =
        mef(R"(<define-gate name="top"><or><gate name="g17"/><basic-event name="a"/></or></define-gate>
<define-gate name="g17">
  <or>
    <xor><basic-event name="b"/><basic-event name="c"/></xor>
    <basic-event name="d"/>
  </or>
</define-gate>)");
    const std::string e = importError(xml, "das.xml");
    EXPECT_NE(e.find("das.xml:7: gate 'g17': non-coherent connective <xor> is not supported "
                     "(Chokepoint models coherent logic only)"),
              std::string::npos)
        << e;
    for (const char *tag : {"not", "nand", "nor", "iff", "imply"}) {
        const std::string t = tag;
        const std::string err =
            importError(mef("<define-gate name=\"top\">\n<" + t +
                            "><basic-event name=\"a\"/><basic-event name=\"b\"/></" + t + "></define-gate>"));
        EXPECT_NE(err.find("t.xml:5: gate 'top': non-coherent connective <" + t + ">"), std::string::npos)
            << err;
    }
}

TEST(MefImport, InputErrorCarriesFileLineAndGate)
{
    try {
        parseMefModel(mef("<define-gate name=\"top\">\n<not><basic-event name=\"a\"/></not></define-gate>"),
                      "x.xml");
        FAIL() << "expected an InputError";
    } catch (const InputError &e) {
        ASSERT_EQ(e.problems().size(), 1u);
        EXPECT_EQ(e.problems()[0].file, "x.xml");
        EXPECT_EQ(e.problems()[0].line, 5);
        EXPECT_EQ(e.problems()[0].node, "top");
    }
}

TEST(MefImport, UndefinedGateIsAnError)
{
    const std::string e = importError(mef("<define-gate name=\"top\"><or><gate "
                                          "name=\"missing\"/><basic-event name=\"a\"/></or></define-gate>"));
    EXPECT_NE(e.find("gate 'top': refers to undefined gate 'missing'"), std::string::npos) << e;
    EXPECT_NE(importError(mef("<define-gate name=\"top\"><or><event name=\"nowhere\"/></or></define-gate>")),
              "");
}

TEST(MefImport, ReferenceOfTheWrongKindIsAnError)
{
    const std::string e = importError(
        mef(R"(<define-gate name="top"><or><gate name="a"/><basic-event name="b"/></or></define-gate>
<define-basic-event name="a"/>)"));
    EXPECT_NE(e.find("refers to 'a' as a gate, but it is a basic event"), std::string::npos) << e;
}

TEST(MefImport, MalformedXmlNamesTheLine)
{
    const std::string e = importError("<?xml version=\"1.0\"?>\n<opsa-mef>\n<define-fault-tree name=\"x\">\n"
                                      "<define-gate name=\"g\"><or></and></define-gate>\n</opsa-mef>\n",
                                      "bad.xml");
    EXPECT_NE(e.find("bad.xml:4: malformed XML"), std::string::npos) << e;
    EXPECT_NE(importError("<html/>").find("not an Open-PSA MEF file"), std::string::npos);
    EXPECT_NE(importError("").find("malformed XML"), std::string::npos);
}

TEST(MefImport, StructuralErrors)
{
    EXPECT_NE(importError(mef("<define-basic-event name=\"a\"/>")).find("defines no gate"),
              std::string::npos);
    EXPECT_NE(importError(mef("<define-gate name=\"g\"/>")).find("has no formula"), std::string::npos);
    EXPECT_NE(importError(mef("<define-gate name=\"g\"><or/></define-gate>")).find("has no inputs"),
              std::string::npos);
    EXPECT_NE(importError(mef("<define-gate name=\"g\"><atleast min=\"4\"><basic-event name=\"a\"/>"
                              "<basic-event name=\"b\"/></atleast></define-gate>"))
                  .find("min must be"),
              std::string::npos);
    EXPECT_NE(importError(mef("<define-gate name=\"g\"><frobnicate/></define-gate>"))
                  .find("unknown formula element"),
              std::string::npos);
    const std::string cycle = importError(
        mef(R"(<define-gate name="a"><or><gate name="b"/><basic-event name="x"/></or></define-gate>
<define-gate name="b"><or><gate name="a"/></or></define-gate>)"));
    EXPECT_NE(cycle.find("cycle"), std::string::npos) << cycle;
}

TEST(MefImport, EveryProblemIsReportedWithItsLine)
{
    std::string body = "<define-gate name=\"top\"><or>";
    for (int i = 0; i < 100; ++i)
        body += "\n<not><basic-event name=\"e" + std::to_string(i) + "\"/></not>";
    body += "</or></define-gate>";
    try {
        parseMefModel(mef(body), "t.xml");
        FAIL();
    } catch (const InputError &e) {
        ASSERT_EQ(e.problems().size(), 100u);
        EXPECT_EQ(e.problems().front().line, 5);
        EXPECT_EQ(e.problems().back().line, 104);
    }
}

// --- the Aralia benchmark ---

TEST(MefImport, ChineseTree)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    const Model m = readMefModel((test::araliaDir() / "chinese.xml").string());
    EXPECT_EQ(countTagged(m, "basic-event"), 25u);
    EXPECT_EQ(countTagged(m, "gate"), 36u);
    EXPECT_EQ(m.nodes.size(), 25u + 36u); // no nested formulas, so no helpers
    EXPECT_EQ(m.info.id, "chinese");
    EXPECT_EQ(m.nodes.front().id, "r1");
    EXPECT_EQ(m.node("r1")->kind, Kind::Function);
    EXPECT_EQ(m.node("r1")->gate.kind, GateKind::Any); // r1 is an and
    for (const Node &n : m.nodes) {
        if (n.id != "r1") {
            EXPECT_NE(n.kind, Kind::Function) << n.id;
        }
    }
    EXPECT_TRUE(validate(m).empty());
    EXPECT_EQ(stateWith(m, "r1", {}), State::Ok);
}

TEST(MefImport, EveryCoherentAraliaTreeImports)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    const auto table = readAraliaTable();
    ASSERT_EQ(table.size(), 43u);
    const std::set<std::string> nonCoherent{"cea9601.xml", "das9601.xml", "das9701.xml"};
    for (const auto &[file, row] : table) {
        const std::string path = (test::araliaDir() / file).string();
        if (nonCoherent.count(file)) {
            try {
                readMefModel(path);
                ADD_FAILURE() << file << " imported, but it is not coherent";
            } catch (const InputError &e) {
                EXPECT_NE(std::string(e.what()).find("non-coherent connective"), std::string::npos)
                    << e.what();
                EXPECT_GT(e.problems().front().line, 0) << file;
            }
            continue;
        }
        SCOPED_TRACE(file);
        Model m;
        ASSERT_NO_THROW(m = readMefModel(path));
        EXPECT_TRUE(validate(m).empty());
        EXPECT_EQ(countTagged(m, "basic-event"), static_cast<std::size_t>(row.basicEvents));
        EXPECT_EQ(countTagged(m, "gate"), static_cast<std::size_t>(row.gates));
        // Aralia gates are flat (no nested formulas), so there are no helper nodes.
        EXPECT_EQ(m.nodes.size(), static_cast<std::size_t>(row.basicEvents + row.gates));
        ASSERT_NE(m.node("r1"), nullptr);
        EXPECT_EQ(m.node("r1")->kind, Kind::Function);
        EXPECT_TRUE(m.scenarios.empty());
        Graph g(m);
        EXPECT_EQ(g.vertexCount(), m.nodes.size());
    }
}

TEST(MefImport, LargestAraliaTree)
{
    CHOKEPOINT_SKIP_WITHOUT_ARALIA();
    const Model m = readMefModel((test::araliaDir() / "nus9601.xml").string());
    EXPECT_EQ(countTagged(m, "basic-event"), 1567u);
    EXPECT_EQ(countTagged(m, "gate"), 1622u);
}
