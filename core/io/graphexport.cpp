#include "io/graphexport.h"

#include <array>
#include <ostream>
#include <pugixml.hpp>
#include <stdexcept>

namespace chokepoint {
namespace {

constexpr const char *kGraphMLNamespace = "http://graphml.graphdrawing.org/xmlns";
constexpr const char *kGraphMLSchema =
    "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd";
constexpr const char *kEdgeDirection = "Edges point from a dependency to the node that depends on it.";

// Okabe–Ito colours for the states (failed, degraded, ok), as on the map.
constexpr std::array<const char *, 3> kStateFill{"#D55E00", "#E69F00", "#009E73"};

void checkStates(const Model &m, const std::vector<State> *states)
{
    if (states && states->size() != m.nodes.size())
        throw std::invalid_argument("graph export: " + std::to_string(states->size()) + " states for " +
                                    std::to_string(m.nodes.size()) + " nodes");
}

std::string gateText(const Gate &g)
{
    switch (g.kind) {
    case GateKind::All:
        return "all";
    case GateKind::Any:
        return "any";
    case GateKind::AtLeast:
        return "atLeast " + std::to_string(g.k);
    }
    return {};
}

/// `s` with the control characters XML 1.0 cannot hold (not even escaped) replaced by U+FFFD.
std::string xmlSafe(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\t' && c != '\n' && c != '\r')
            out += "\xEF\xBF\xBD";
        else
            out += c;
    }
    return out;
}

// --- GraphML ---

struct GraphMLKey
{
    const char *id;
    const char *forWhat;
    const char *type;
};

constexpr std::array<GraphMLKey, 10> kGraphMLKeys{{
    {"name", "node", "string"},
    {"kind", "node", "string"},
    {"layer", "node", "string"},
    {"gate", "node", "string"},
    {"blockable", "node", "boolean"},
    {"users", "node", "long"},
    {"category", "node", "string"},
    {"owner", "node", "string"},
    {"state", "node", "string"},
    {"type", "edge", "string"},
}};

void addData(pugi::xml_node element, const char *key, std::string_view value)
{
    pugi::xml_node data = element.append_child("data");
    data.append_attribute("key") = key;
    data.text().set(xmlSafe(value).c_str());
}

void addGraphMLKeys(pugi::xml_node root, bool withStates)
{
    for (const GraphMLKey &k : kGraphMLKeys) {
        if (!withStates && std::string_view(k.id) == "state")
            continue;
        pugi::xml_node key = root.append_child("key");
        key.append_attribute("id") = k.id;
        key.append_attribute("for") = k.forWhat;
        key.append_attribute("attr.name") = k.id;
        key.append_attribute("attr.type") = k.type;
    }
}

void addGraphMLNode(pugi::xml_node graph, const Node &n, const State *state)
{
    pugi::xml_node node = graph.append_child("node");
    node.append_attribute("id") = xmlSafe(n.id).c_str();
    addData(node, "name", n.name);
    addData(node, "kind", toString(n.kind));
    addData(node, "layer", toString(layerOf(n.kind)));
    addData(node, "gate", gateText(n.gate));
    addData(node, "blockable", n.blockable ? "true" : "false");
    addData(node, "users", std::to_string(n.users));
    addData(node, "category", n.category);
    addData(node, "owner", n.owner);
    if (state)
        addData(node, "state", toString(*state));
}

void addGraphMLEdges(pugi::xml_node graph, const Model &m)
{
    std::size_t count = 0;
    for (const Node &n : m.nodes) {
        for (const Dependency &d : n.dependsOn) {
            pugi::xml_node edge = graph.append_child("edge");
            const std::string id = std::to_string(count++);
            edge.append_attribute("id") = std::string("e").append(id).c_str();
            edge.append_attribute("source") = xmlSafe(d.node).c_str();
            edge.append_attribute("target") = xmlSafe(n.id).c_str();
            addData(edge, "type", toString(d.type));
        }
    }
}

// --- DOT ---

/// `s` as a DOT quoted string: quotes and backslashes escaped, line breaks as \n, other controls dropped.
std::string dotQuoted(std::string_view s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (static_cast<unsigned char>(c) >= 0x20 || c == '\t') {
            out += c;
        }
    }
    out += '"';
    return out;
}

void writeDotNode(const Node &n, const State *state, std::ostream &out)
{
    out << "  " << dotQuoted(n.id) << " [label=" << dotQuoted(n.name.empty() ? n.id : n.name)
        << ", shape=" << (n.kind == Kind::Gate ? "diamond" : "box")
        << ", class=" << dotQuoted(toString(n.kind));
    if (state) {
        out << ", state=" << dotQuoted(toString(*state))
            << ", fillcolor=" << dotQuoted(kStateFill[static_cast<std::size_t>(*state)]);
        if (*state == State::Failed)
            out << ", style=\"filled,bold\", peripheries=2";
        else if (*state == State::Degraded)
            out << ", style=\"filled,dashed\"";
        else
            out << ", style=filled";
    }
    out << "];\n";
}

void writeDotRanks(const Model &m, std::ostream &out)
{
    for (int l = 0; l < kLayerCount; ++l) {
        const auto layer = static_cast<Layer>(l);
        if (layer == Layer::Other) // gates and countermeasures sit wherever their edges put them
            continue;
        std::string members;
        for (const Node &n : m.nodes) {
            if (layerOf(n.kind) == layer)
                members += ' ' + dotQuoted(n.id) + ';';
        }
        if (!members.empty())
            out << "  { rank=same; // " << toString(layer) << "\n   " << members << " }\n";
    }
}

void writeDotEdges(const Model &m, std::ostream &out)
{
    for (const Node &n : m.nodes) {
        for (const Dependency &d : n.dependsOn) {
            out << "  " << dotQuoted(d.node) << " -> " << dotQuoted(n.id);
            if (d.type == DepType::Fallback)
                out << " [style=dashed]";
            else if (d.type == DepType::Soft)
                out << " [style=dotted]";
            out << ";\n";
        }
    }
}

} // namespace

void writeGraphML(const Model &m, const std::vector<State> *states, std::ostream &out)
{
    checkStates(m, states);
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node root = doc.append_child("graphml");
    root.append_attribute("xmlns") = kGraphMLNamespace;
    root.append_attribute("xmlns:xsi") = "http://www.w3.org/2001/XMLSchema-instance";
    root.append_attribute("xsi:schemaLocation") = kGraphMLSchema;
    addGraphMLKeys(root, states != nullptr);
    pugi::xml_node graph = root.append_child("graph");
    graph.append_attribute("id") = xmlSafe(m.info.id.empty() ? "model" : m.info.id).c_str();
    graph.append_attribute("edgedefault") = "directed";
    graph.append_child("desc").text().set(kEdgeDirection);
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        addGraphMLNode(graph, m.nodes[i], states ? &(*states)[i] : nullptr);
    addGraphMLEdges(graph, m);
    doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
}

void writeDot(const Model &m, const std::vector<State> *states, std::ostream &out)
{
    checkStates(m, states);
    // Edges run dependency -> dependant, so with rankdir=BT the arrows flow up towards the apps.
    out << "// Chokepoint model " << dotQuoted(m.info.id) << ". " << kEdgeDirection << "\n"
        << "// Hard edges are solid, fallback edges dashed, soft edges dotted.\n"
        << "digraph " << dotQuoted(m.info.id.empty() ? "model" : m.info.id) << " {\n"
        << "  rankdir=BT;\n"
        << "  label=" << dotQuoted(m.info.title) << ";\n"
        << "  node [fontname=\"sans-serif\"];\n";
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
        writeDotNode(m.nodes[i], states ? &(*states)[i] : nullptr, out);
    writeDotRanks(m, out);
    writeDotEdges(m, out);
    out << "}\n";
}

} // namespace chokepoint
