#include "io/mefimport.h"

#include "io/jsonformat.h"
#include "model/validate.h"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <unordered_map>
#include <unordered_set>

namespace chokepoint {
namespace {

constexpr int kMaxFormulaDepth = 256; // real trees nest a few levels; deeper input is not a fault tree
enum class EventKind
{
    Gate,
    BasicEvent,
    HouseEvent
};

const char *kindWord(EventKind k)
{
    switch (k) {
    case EventKind::Gate:
        return "gate";
    case EventKind::BasicEvent:
        return "basic event";
    case EventKind::HouseEvent:
        return "house event";
    }
    return "event";
}

/// The event kind a reference element names by its tag or `type` attribute; nullopt for a bare <event>.
std::optional<EventKind> kindOfTag(std::string_view tag)
{
    if (tag == "gate")
        return EventKind::Gate;
    if (tag == "basic-event")
        return EventKind::BasicEvent;
    if (tag == "house-event")
        return EventKind::HouseEvent;
    return std::nullopt;
}

bool isReference(pugi::xml_node n)
{
    const std::string_view tag = n.name();
    return tag == "event" || kindOfTag(tag).has_value();
}

bool isNonCoherent(std::string_view tag)
{
    return tag == "not" || tag == "xor" || tag == "nand" || tag == "nor" || tag == "iff" || tag == "imply";
}

bool isMetadata(std::string_view tag)
{
    return tag == "label" || tag == "attributes";
}

std::string asciiLower(std::string_view s)
{
    std::string out(s);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

/// `name` with every character an id cannot hold replaced by '_' (one '_' per UTF-8 code point).
std::string idFromName(std::string_view name)
{
    std::string id;
    id.reserve(name.size());
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        const bool word =
            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (word || (!id.empty() && (c == '.' || c == '-')))
            id += c;
        else if ((u & 0xC0) != 0x80) // not a UTF-8 continuation byte
            id += '_';
    }
    return id;
}

std::optional<int> parseInt(std::string_view s)
{
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty())
        return std::nullopt;
    return value;
}

std::string trimmed(std::string_view s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos)
        return {};
    return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

/// A gate, basic event or house event: defined in the file, or only referenced (basic and house events).
struct Event
{
    std::string name; ///< the defining spelling, or the first reference's for undefined events
    std::string id;
    EventKind kind = EventKind::BasicEvent;
    pugi::xml_node def;   ///< the <define-…> element; empty when the event is only referenced
    pugi::xml_node place; ///< where the event first appears: its definition or first reference
    bool houseValue = false;
    bool referenced = false; ///< by some gate (a gate nobody references is a top gate)
};

/**
 * The import in three passes over the DOM: collect the definitions (with duplicate checks), check
 * every gate's formula and resolve its references (non-coherent logic, undefined gates, implicit
 * basic events), then, with every id known, build the nodes. All problems of a pass are collected.
 */
class MefImporter
{
public:
    MefImporter(std::string_view xml, const std::string &file) : m_xml(xml), m_file(file)
    {
        m_lineStarts.push_back(0);
        for (std::size_t i = 0; i < xml.size(); ++i) {
            if (xml[i] == '\n')
                m_lineStarts.push_back(i + 1);
        }
    }

    Model run()
    {
        parse();
        collect(m_doc.document_element());
        checkNow();
        if (std::none_of(m_events.begin(), m_events.end(),
                         [](const Event &e) { return e.kind == EventKind::Gate; }))
            throw InputError(m_file,
                             "the file defines no gate (<define-gate>): there is no fault tree to import");
        for (std::size_t i = 0; i < m_events.size(); ++i) {
            if (m_events[i].kind == EventKind::Gate && m_events[i].def)
                checkGate(i);
        }
        checkNow();
        assignIds();
        checkNow();
        Model model = build();
        Problems problems = validate(model, m_file);
        if (!problems.empty()) {
            for (Problem &p : problems) {
                if (auto it = m_offsetOfId.find(p.node); it != m_offsetOfId.end() && p.line == 0)
                    p.line = lineOfOffset(it->second);
            }
            throw InputError(std::move(problems));
        }
        return model;
    }

private:
    // --- problems ---

    int lineOf(pugi::xml_node n) const { return lineOfOffset(n ? n.offset_debug() : -1); }

    int lineOfOffset(std::ptrdiff_t offset) const
    {
        if (offset < 0)
            return 0;
        auto it =
            std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), static_cast<std::size_t>(offset));
        return static_cast<int>(it - m_lineStarts.begin());
    }

    void fail(pugi::xml_node where, std::string message, const Event *event = nullptr)
    {
        Problem p{m_file, event ? event->name : std::string(), lineOf(where), std::move(message)};
        if (event)
            p.subject = kindWord(event->kind);
        m_problems.push_back(std::move(p));
    }

    /// Throws the problems found so far, every one of them (callers that show them may shorten the list).
    void checkNow()
    {
        if (m_problems.empty())
            return;
        throw InputError(std::move(m_problems));
    }

    // --- pass 0: XML ---

    void parse()
    {
        const pugi::xml_parse_result result = m_doc.load_buffer(m_xml.data(), m_xml.size());
        if (!result)
            throw InputError(m_file, std::string("malformed XML: ") + result.description(),
                             lineOfOffset(result.offset));
        const pugi::xml_node root = m_doc.document_element();
        if (std::string_view(root.name()) != "opsa-mef")
            throw InputError(m_file,
                             "not an Open-PSA MEF file: the root element is <" + std::string(root.name()) +
                                 ">, expected <opsa-mef>",
                             lineOf(root));
    }

    // --- pass 1: definitions ---

    void collect(pugi::xml_node root)
    {
        for (pugi::xml_node child : root.children()) {
            if (child.type() != pugi::node_element)
                continue;
            const std::string_view tag = child.name();
            if (tag == "define-fault-tree") {
                m_treeNames.emplace_back(child.attribute("name").value());
                collectSection(child);
            } else if (tag == "model-data") {
                collectSection(child);
            } else if (!isMetadata(tag)) {
                ++m_skipped[std::string(tag)];
            }
        }
    }

    /// A fault tree, a component inside one, or model data. Components nest in components as deep
    /// as the file likes, so they are walked in file order with a stack of where each level is.
    void collectSection(pugi::xml_node section)
    {
        std::vector<pugi::xml_node> next{section.first_child()};
        while (!next.empty()) {
            const pugi::xml_node child = next.back();
            if (!child) {
                next.pop_back();
                continue;
            }
            next.back() = child.next_sibling();
            if (child.type() != pugi::node_element)
                continue;
            const std::string_view tag = child.name();
            if (tag == "define-gate")
                define(child, EventKind::Gate);
            else if (tag == "define-basic-event")
                define(child, EventKind::BasicEvent);
            else if (tag == "define-house-event")
                define(child, EventKind::HouseEvent);
            else if (tag == "define-component")
                next.push_back(child.first_child());
            else if (!isMetadata(tag))
                ++m_skipped[std::string(tag)];
        }
    }

    void define(pugi::xml_node def, EventKind kind)
    {
        const std::string name = def.attribute("name").value();
        if (name.empty()) {
            fail(def, "<" + std::string(def.name()) + "> has no name");
            return;
        }
        const std::string key = asciiLower(name);
        Event event{name, {}, kind, def, def};
        if (auto it = m_byName.find(key); it != m_byName.end()) {
            const Event &first = m_events[it->second];
            fail(def,
                 "is defined twice (names are case-insensitive): first as " +
                     std::string(kindWord(first.kind)) + " '" + first.name + "' on line " +
                     std::to_string(lineOf(first.def)),
                 &event);
            return;
        }
        if (kind == EventKind::HouseEvent)
            event.houseValue = houseValue(def, event);
        if (kind == EventKind::BasicEvent && hasFormulaChild(def))
            m_hasProbabilities = true;
        m_byName.emplace(key, m_events.size());
        m_events.push_back(std::move(event));
    }

    static bool hasFormulaChild(pugi::xml_node def)
    {
        for (pugi::xml_node child : def.children()) {
            if (child.type() == pugi::node_element && !isMetadata(child.name()))
                return true;
        }
        return false;
    }

    /// The value of a house event: its <constant value="…"/>, false when it has none.
    bool houseValue(pugi::xml_node def, const Event &event)
    {
        const pugi::xml_node constant = def.child("constant");
        if (!constant)
            return false;
        const auto value = booleanValue(constant);
        if (!value)
            fail(constant, "house event value must be true or false", &event);
        return value.value_or(false);
    }

    static std::optional<bool> booleanValue(pugi::xml_node constant)
    {
        const std::string value = asciiLower(trimmed(constant.attribute("value").value()));
        if (value == "true" || value == "1")
            return true;
        if (value == "false" || value == "0")
            return false;
        return std::nullopt;
    }

    // --- pass 2: formulas ---

    /// The formula of a gate definition: its one child element that is not metadata.
    pugi::xml_node formulaOf(pugi::xml_node def, const Event &gate)
    {
        pugi::xml_node formula;
        for (pugi::xml_node child : def.children()) {
            if (child.type() != pugi::node_element || isMetadata(child.name()))
                continue;
            if (formula) {
                fail(child, "has more than one formula (a gate holds exactly one)", &gate);
                return {};
            }
            formula = child;
        }
        if (!formula)
            fail(def, "has no formula", &gate);
        return formula;
    }

    void checkGate(std::size_t gateIndex)
    {
        const pugi::xml_node formula = formulaOf(m_events[gateIndex].def, m_events[gateIndex]);
        if (formula)
            checkFormula(gateIndex, formula, 0);
    }

    void checkFormula(std::size_t gateIndex, pugi::xml_node f, int depth)
    {
        const std::string tag = f.name();
        if (isReference(f)) {
            resolve(gateIndex, f);
            return;
        }
        const Event &gate = m_events[gateIndex]; // after resolve(), which may grow m_events
        if (tag == "constant") {
            if (!booleanValue(f))
                fail(f, "<constant> value must be true or false", &gate);
            return;
        }
        if (isNonCoherent(tag) || (tag == "cardinality" && !cardinalityIsCoherent(f))) {
            fail(f,
                 "non-coherent connective <" + tag +
                     "> is not supported (Chokepoint models coherent logic only)",
                 &gate);
            return;
        }
        if (tag != "or" && tag != "and" && tag != "atleast" && tag != "cardinality" && tag != "null") {
            fail(f, "unknown formula element <" + tag + ">", &gate);
            return;
        }
        if (depth >= kMaxFormulaDepth) {
            fail(f, "formula is nested more than " + std::to_string(kMaxFormulaDepth) + " levels deep",
                 &gate);
            return;
        }
        checkArguments(gateIndex, f, depth);
    }

    void checkArguments(std::size_t gateIndex, pugi::xml_node f, int depth)
    {
        const std::string tag = f.name();
        const bool idempotent = tag == "or" || tag == "and";
        std::unordered_set<std::size_t> seen;
        int n = 0;
        for (pugi::xml_node arg : f.children()) {
            if (arg.type() != pugi::node_element)
                continue;
            ++n;
            if (isReference(arg)) {
                const auto event = resolve(gateIndex, arg);
                if (event && !seen.insert(*event).second && !idempotent)
                    fail(arg, "<" + tag + "> lists '" + m_events[*event].name + "' more than once",
                         &m_events[gateIndex]);
            } else {
                checkFormula(gateIndex, arg, depth + 1);
            }
        }
        checkArity(m_events[gateIndex], f, n);
    }

    void checkArity(const Event &gate, pugi::xml_node f, int n)
    {
        const std::string tag = f.name();
        if (n == 0) {
            fail(f, "<" + tag + "> has no inputs", &gate);
        } else if (tag == "null" && n != 1) {
            fail(f, "<null> takes exactly one input", &gate);
        } else if (tag == "atleast" || tag == "cardinality") {
            const auto k = parseInt(trimmed(f.attribute("min").value()));
            if (!k || *k < 1 || *k > n)
                fail(f,
                     "<" + tag + "> min must be a whole number from 1 to its number of inputs (" +
                         std::to_string(n) + "), not '" + f.attribute("min").value() + "'",
                     &gate);
        }
    }

    /// A cardinality with max at least its number of inputs is an atleast; a lower max is not coherent.
    static bool cardinalityIsCoherent(pugi::xml_node f)
    {
        const auto max = parseInt(trimmed(f.attribute("max").value()));
        const auto n = std::count_if(f.children().begin(), f.children().end(),
                                     [](pugi::xml_node c) { return c.type() == pugi::node_element; });
        return max && *max >= n;
    }

    /// The kind a reference asks for: the tag's, or an <event>'s `type`; nullopt when unsaid.
    std::optional<EventKind> requestedKind(std::size_t gateIndex, pugi::xml_node ref)
    {
        const std::string_view tag = ref.name();
        const pugi::xml_attribute typeAttr = ref.attribute("type");
        const auto typed = typeAttr ? kindOfTag(typeAttr.value()) : std::nullopt;
        if (typeAttr && (!typed || (tag != "event" && typed != kindOfTag(tag))))
            fail(ref, "reference <" + std::string(tag) + "> has type '" + typeAttr.value() + "'",
                 &m_events[gateIndex]);
        return tag == "event" ? typed : kindOfTag(tag);
    }

    std::optional<std::size_t> lookup(std::string_view name) const
    {
        const std::string key = asciiLower(name);
        if (auto it = m_byName.find(key); it != m_byName.end())
            return it->second;
        // A path (tree.component.name) names the event by its last part: names are global here.
        if (const auto dot = key.rfind('.'); dot != std::string::npos) {
            if (auto it = m_byName.find(key.substr(dot + 1)); it != m_byName.end())
                return it->second;
        }
        return std::nullopt;
    }

    /// The event a reference names; registers basic and house events that are never defined.
    std::optional<std::size_t> resolve(std::size_t gateIndex, pugi::xml_node ref)
    {
        const std::string name = ref.attribute("name").value();
        const auto wanted = requestedKind(gateIndex, ref);
        if (name.empty()) {
            fail(ref, "<" + std::string(ref.name()) + "> reference has no name", &m_events[gateIndex]);
            return std::nullopt;
        }
        if (const auto found = lookup(name)) {
            Event &event = m_events[*found];
            if (wanted && *wanted != event.kind) {
                fail(ref,
                     "refers to '" + name + "' as a " + kindWord(*wanted) + ", but it is a " +
                         kindWord(event.kind) + " (line " + std::to_string(lineOf(event.place)) + ")",
                     &m_events[gateIndex]);
                return std::nullopt;
            }
            event.referenced = true;
            return found;
        }
        if (!wanted || *wanted == EventKind::Gate) {
            fail(ref, std::string("refers to undefined ") + (wanted ? "gate" : "event") + " '" + name + "'",
                 &m_events[gateIndex]);
            return std::nullopt;
        }
        m_byName.emplace(asciiLower(name), m_events.size());
        m_events.push_back(Event{name, {}, *wanted, {}, ref, false, true});
        return m_events.size() - 1;
    }

    // --- ids ---

    void assignIds()
    {
        std::unordered_map<std::string, std::size_t> owner;
        for (std::size_t i = 0; i < m_events.size(); ++i) {
            Event &event = m_events[i];
            event.id = idFromName(event.name);
            auto [it, fresh] = owner.emplace(event.id, i);
            if (!fresh) {
                fail(event.place,
                     "name becomes the id '" + event.id + "', which " + kindWord(m_events[it->second].kind) +
                         " '" + m_events[it->second].name + "' (line " +
                         std::to_string(lineOf(m_events[it->second].place)) + ") already has",
                     &event);
            }
            m_taken.insert(event.id);
        }
    }

    // --- pass 3: nodes ---

    struct Built
    {
        Node node;
        std::ptrdiff_t offset; ///< where in the file the node comes from, for file order
    };

    Model build()
    {
        for (std::size_t i = 0; i < m_events.size(); ++i)
            buildEvent(i);
        std::stable_sort(m_built.begin(), m_built.end(),
                         [](const Built &a, const Built &b) { return a.offset < b.offset; });
        Model model;
        model.nodes.reserve(m_built.size());
        for (Built &b : m_built)
            model.nodes.push_back(std::move(b.node));
        describe(model);
        addHouseEventScenario(model);
        model.reindex();
        return model;
    }

    void buildEvent(std::size_t i)
    {
        const Event &event = m_events[i];
        Node node;
        node.id = event.id;
        node.name = event.name;
        node.description = event.def ? trimmed(event.def.child_value("label")) : std::string();
        if (event.kind != EventKind::Gate) {
            node.kind = Kind::Service;
            node.blockable = event.kind == EventKind::BasicEvent || event.houseValue;
            node.tags = {event.kind == EventKind::BasicEvent ? "basic-event" : "house-event"};
            if (event.kind == EventKind::HouseEvent && event.houseValue)
                m_blocked.push_back(event.id);
            add(std::move(node), event.place);
            return;
        }
        node.kind = event.referenced ? Kind::Gate : Kind::Function;
        node.tags = {"gate"};
        if (!event.referenced)
            m_topGates.push_back(event.id);
        const std::size_t index = add(std::move(node), event.def);
        m_helperCount = 0;
        fillGate(index, formulaOf(event.def, event), event.id);
    }

    std::size_t add(Node node, pugi::xml_node place)
    {
        m_offsetOfId.emplace(node.id, place.offset_debug());
        m_built.push_back(Built{std::move(node), place.offset_debug()});
        return m_built.size() - 1;
    }

    /// Sets the gate and dependencies of m_built[index] from formula `f`, making helper nodes.
    void fillGate(std::size_t index, pugi::xml_node f, const std::string &gateId)
    {
        std::vector<std::string> deps;
        if (isReference(f) || std::string_view(f.name()) == "constant") {
            deps.push_back(inputId(f, gateId));
        } else {
            std::unordered_set<std::string> listed;
            for (pugi::xml_node arg : f.children()) {
                if (arg.type() != pugi::node_element)
                    continue;
                std::string id = inputId(arg, gateId);
                if (listed.insert(id).second) // or/and are idempotent
                    deps.push_back(std::move(id));
            }
        }
        Node &node = m_built[index].node;
        node.gate = gateFor(f, static_cast<int>(deps.size()));
        for (std::string &dep : deps)
            node.dependsOn.emplace_back(std::move(dep), DepType::Hard);
    }

    /// The gate that fails as formula `f` does, with n inputs (a failed input is a true event).
    static Gate gateFor(pugi::xml_node f, int n)
    {
        const std::string_view tag = f.name();
        int k = 1; // how many inputs must be true for the formula to be true
        if (tag == "and")
            k = n;
        else if (tag == "atleast" || tag == "cardinality")
            k = *parseInt(trimmed(f.attribute("min").value()));
        const int need = n - k + 1; // how many inputs must be ok for the node to be ok
        if (n == 1 || need == n)
            return Gate{GateKind::All, 0};
        if (need == 1)
            return Gate{GateKind::Any, 0};
        return Gate{GateKind::AtLeast, need};
    }

    /// The id a formula input stands for: the event it names, or a new helper node.
    std::string inputId(pugi::xml_node arg, const std::string &gateId)
    {
        if (isReference(arg))
            return m_events[*lookup(arg.attribute("name").value())].id;
        Node helper;
        helper.id = helperId(gateId);
        helper.kind = Kind::Gate;
        helper.name = helper.id;
        if (std::string_view(arg.name()) == "constant") {
            const bool value = *booleanValue(arg);
            helper.description = std::string("The constant ") + (value ? "true" : "false") +
                                 " in the formula of gate " + gateId + " (made by the Open-PSA MEF import).";
            helper.blockable = value;
            if (value)
                m_blocked.push_back(helper.id);
            add(std::move(helper), arg);
            return m_built.back().node.id;
        }
        helper.description = "The nested <" + std::string(arg.name()) + "> formula of gate " + gateId +
                             " (made by the Open-PSA MEF import).";
        std::string id = helper.id;
        fillGate(add(std::move(helper), arg), arg, gateId);
        return id;
    }

    std::string helperId(const std::string &gateId)
    {
        std::string id;
        do
            id = gateId + '.' + std::to_string(++m_helperCount);
        while (!m_taken.insert(id).second);
        return id;
    }

    void describe(Model &model) const
    {
        const std::string fileName = std::filesystem::path(m_file).filename().string();
        std::string trees;
        for (const std::string &t : m_treeNames)
            trees += (trees.empty() ? "" : ", ") + t;
        const std::string stem = std::filesystem::path(m_file).stem().string();
        model.info.id =
            idFromName(m_treeNames.empty() || m_treeNames.front().empty() ? stem : m_treeNames.front());
        if (model.info.id.empty())
            model.info.id = "fault-tree";
        model.info.title = trees.empty() ? stem : trees;
        model.info.description = "Open-PSA MEF fault tree imported from " + fileName + ": " + counts() + ".";
        const std::string left = leftOut();
        if (!left.empty())
            model.info.description += " Not imported: " + left + ".";
    }

    std::string counts() const
    {
        std::size_t basic = 0, gates = 0, house = 0;
        for (const Event &e : m_events) {
            basic += e.kind == EventKind::BasicEvent;
            gates += e.kind == EventKind::Gate;
            house += e.kind == EventKind::HouseEvent;
        }
        std::string tops;
        for (const std::string &t : m_topGates)
            tops += (tops.empty() ? "" : ", ") + t;
        return std::to_string(basic) + " basic events, " + std::to_string(gates) + " gates, " +
               std::to_string(house) + " house events; top gate" + (m_topGates.size() == 1 ? " " : "s ") +
               (tops.empty() ? "none" : tops);
    }

    std::string leftOut() const
    {
        std::string text = m_hasProbabilities ? "probabilities" : "";
        for (const auto &[tag, count] : m_skipped)
            text += (text.empty() ? "" : ", ") + std::to_string(count) + " <" + tag + ">";
        return text;
    }

    void addHouseEventScenario(Model &model) const
    {
        if (m_blocked.empty())
            return;
        Scenario s;
        s.id = std::string(kHouseEventsScenarioId);
        s.title = "House events";
        s.description =
            "The house events (and Boolean constants) the fault tree sets true. The import makes this the "
            "default scenario, so the tree is analysed as the file defines it.";
        for (const std::string &id : m_blocked)
            s.actions.push_back(Action{id, ActionType::Block});
        s.targets = m_topGates;
        model.scenarios.push_back(std::move(s));
        model.info.defaultScenario = std::string(kHouseEventsScenarioId);
    }

    std::string_view m_xml;
    std::string m_file;
    std::vector<std::size_t> m_lineStarts;
    pugi::xml_document m_doc;
    Problems m_problems;

    std::vector<Event> m_events;
    std::unordered_map<std::string, std::size_t> m_byName; ///< lower-case name → m_events index
    std::unordered_set<std::string> m_taken;               ///< every id in use
    std::vector<std::string> m_treeNames;
    std::map<std::string, int> m_skipped; ///< elements not imported, by tag
    bool m_hasProbabilities = false;

    std::vector<Built> m_built;
    std::unordered_map<std::string, std::ptrdiff_t> m_offsetOfId; ///< for lines in validate()'s problems
    std::vector<std::string> m_topGates;
    std::vector<std::string> m_blocked; ///< house events and constants set true
    int m_helperCount = 0;
};

} // namespace

Model parseMefModel(std::string_view xml, const std::string &file)
{
    return MefImporter(xml, file).run();
}

Model readMefModel(const std::string &path)
{
    const std::string text = readFileText(path);
    return parseMefModel(text, path);
}

} // namespace chokepoint
