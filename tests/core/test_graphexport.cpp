#include "io/graphexport.h"
#include "testutil.h"

#include <gtest/gtest.h>
#include <pugixml.hpp>
#include <sstream>

using namespace chokepoint;

namespace {

const std::string kNastyName = "<script>\"&'\n";

Model sampleModel()
{
    Model m = test::modelFromNodes(R"([
        {"id": "net", "name": "Network", "kind": "network", "blockable": true},
        {"id": "vpn", "name": "VPN", "kind": "countermeasure"},
        {"id": "cdn", "name": "CDN \\ \"edge\"", "kind": "cdn", "blockable": true},
        {"id": "svc", "name": "Service", "kind": "service", "gate": "any",
         "dependsOn": ["net", {"node": "vpn", "type": "fallback"}, {"node": "cdn", "type": "soft"}]},
        {"id": "app", "name": "App", "kind": "app", "users": 1000, "category": "messaging", "owner": "Acme",
         "dependsOn": ["svc"]}
    ])");
    m.nodes[0].name = kNastyName;
    return m;
}

std::string graphml(const Model &m, const std::vector<State> *states = nullptr)
{
    std::ostringstream out;
    writeGraphML(m, states, out);
    return out.str();
}

std::string dot(const Model &m, const std::vector<State> *states = nullptr)
{
    std::ostringstream out;
    writeDot(m, states, out);
    return out.str();
}

/// The text of the <data key="key"> child of a GraphML element.
std::string dataOf(pugi::xml_node element, const char *key)
{
    return element.find_child_by_attribute("data", "key", key).text().get();
}

} // namespace

TEST(GraphExport, GraphMLReparsesWithNamesIntact)
{
    const Model m = sampleModel();
    const std::string text = graphml(m);
    pugi::xml_document doc;
    const auto result = doc.load_string(text.c_str());
    ASSERT_TRUE(result) << result.description() << "\n" << text;
    const pugi::xml_node root = doc.child("graphml");
    EXPECT_STREQ(root.attribute("xmlns").value(), "http://graphml.graphdrawing.org/xmlns");
    const pugi::xml_node graph = root.child("graph");
    EXPECT_STREQ(graph.attribute("edgedefault").value(), "directed");
    const pugi::xml_node net = graph.find_child_by_attribute("node", "id", "net");
    ASSERT_TRUE(net);
    EXPECT_EQ(dataOf(net, "name"), kNastyName);
    EXPECT_EQ(dataOf(net, "kind"), "network");
    EXPECT_EQ(dataOf(net, "layer"), "network");
    EXPECT_EQ(dataOf(net, "blockable"), "true");
    const pugi::xml_node app = graph.find_child_by_attribute("node", "id", "app");
    EXPECT_EQ(dataOf(app, "users"), "1000");
    EXPECT_EQ(dataOf(app, "category"), "messaging");
    EXPECT_EQ(dataOf(app, "owner"), "Acme");
    EXPECT_EQ(dataOf(graph.find_child_by_attribute("node", "id", "svc"), "gate"), "any");
    EXPECT_EQ(std::distance(graph.children("node").begin(), graph.children("node").end()), 5);
}

TEST(GraphExport, GraphMLDeclaresEveryKeyItUses)
{
    const Model m = sampleModel();
    pugi::xml_document doc;
    const std::string text = graphml(m);
    ASSERT_TRUE(doc.load_string(text.c_str()));
    std::set<std::string> keys;
    for (pugi::xml_node key : doc.child("graphml").children("key")) {
        keys.insert(key.attribute("id").value());
        EXPECT_TRUE(key.attribute("for") && key.attribute("attr.name") && key.attribute("attr.type"));
    }
    for (pugi::xpath_node data : doc.select_nodes("//data"))
        EXPECT_TRUE(keys.count(data.node().attribute("key").value())) << data.node().attribute("key").value();
    EXPECT_FALSE(keys.count("state")); // no states given
}

TEST(GraphExport, GraphMLEdgesFlowFromDependencyWithType)
{
    const Model m = sampleModel();
    pugi::xml_document doc;
    const std::string text = graphml(m);
    ASSERT_TRUE(doc.load_string(text.c_str()));
    std::set<std::string> edges;
    for (pugi::xml_node e : doc.child("graphml").child("graph").children("edge"))
        edges.insert(std::string(e.attribute("source").value()) + ">" + e.attribute("target").value() + ":" +
                     dataOf(e, "type"));
    EXPECT_EQ(edges,
              (std::set<std::string>{"net>svc:hard", "vpn>svc:fallback", "cdn>svc:soft", "svc>app:hard"}));
}

TEST(GraphExport, StatesAreAdded)
{
    const Model m = sampleModel();
    const std::vector<State> states{State::Failed, State::Failed, State::Ok, State::Degraded,
                                    State::Degraded};
    pugi::xml_document doc;
    const std::string text = graphml(m, &states);
    ASSERT_TRUE(doc.load_string(text.c_str()));
    const pugi::xml_node graph = doc.child("graphml").child("graph");
    EXPECT_EQ(dataOf(graph.find_child_by_attribute("node", "id", "net"), "state"), "failed");
    EXPECT_EQ(dataOf(graph.find_child_by_attribute("node", "id", "svc"), "state"), "degraded");
    EXPECT_TRUE(doc.child("graphml").find_child_by_attribute("key", "id", "state"));

    const std::string d = dot(m, &states);
    EXPECT_NE(d.find("\"cdn\" [label=\"CDN \\\\ \\\"edge\\\"\", shape=box, class=\"cdn\", state=\"ok\""),
              std::string::npos)
        << d;
    EXPECT_NE(d.find("state=\"failed\""), std::string::npos);

    const std::vector<State> tooFew{State::Ok};
    EXPECT_THROW(graphml(m, &tooFew), std::invalid_argument);
    EXPECT_THROW(dot(m, &tooFew), std::invalid_argument);
}

TEST(GraphExport, DotEscapesStrings)
{
    const Model m = sampleModel();
    const std::string d = dot(m);
    EXPECT_EQ(d.rfind("// ", 0), 0u);
    EXPECT_NE(d.find("digraph \"t\" {"), std::string::npos) << d;
    EXPECT_NE(d.find("\"net\" [label=\"<script>\\\"&'\\n\""), std::string::npos)
        << d;                                                                     // quote and newline escaped
    EXPECT_NE(d.find("label=\"CDN \\\\ \\\"edge\\\"\""), std::string::npos) << d; // backslash and quotes
    // No raw newline inside any quoted string: every line has balanced unescaped quotes.
    std::istringstream lines(d);
    std::string line;
    while (std::getline(lines, line)) {
        int quotes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\')
                ++i;
            else if (line[i] == '"')
                ++quotes;
        }
        EXPECT_EQ(quotes % 2, 0) << line;
    }
}

TEST(GraphExport, DotEdgeStylesAndRanks)
{
    const Model m = sampleModel();
    const std::string d = dot(m);
    EXPECT_NE(d.find("rankdir=BT;"), std::string::npos);
    EXPECT_NE(d.find("\"net\" -> \"svc\";"), std::string::npos) << d;
    EXPECT_NE(d.find("\"vpn\" -> \"svc\" [style=dashed];"), std::string::npos) << d;
    EXPECT_NE(d.find("\"cdn\" -> \"svc\" [style=dotted];"), std::string::npos) << d;
    EXPECT_NE(d.find("\"svc\" -> \"app\";"), std::string::npos) << d;
    EXPECT_NE(d.find("{ rank=same; // network\n    \"net\"; \"cdn\"; }"), std::string::npos) << d;
    EXPECT_NE(d.find("{ rank=same; // app\n    \"app\"; }"), std::string::npos) << d;
    EXPECT_EQ(d.find("\"vpn\"; }"), std::string::npos) << d; // countermeasures are in no layer's rank
    EXPECT_EQ(d.back(), '\n');
    EXPECT_NE(d.find("}\n", d.size() - 2), std::string::npos);
}

TEST(GraphExport, ControlCharactersStayValidXml)
{
    Model m = sampleModel();
    m.nodes[1].name = std::string("bell\x07tab\tend");
    const std::string text = graphml(m);
    EXPECT_EQ(text.find("&#07;"), std::string::npos);
    EXPECT_EQ(text.find('\x07'), std::string::npos);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_string(text.c_str()));
    EXPECT_EQ(
        dataOf(doc.child("graphml").child("graph").find_child_by_attribute("node", "id", "vpn"), "name"),
        "bell\xEF\xBF\xBDtab\tend");
    const std::string d = dot(m);
    EXPECT_EQ(d.find('\x07'), std::string::npos);
}
