// Deep and large inputs from a few bytes. Byte-level mutation rarely grows an input to 40,000
// levels, so this harness writes such inputs itself and lets the fuzzer choose their shape:
//
//   byte 0     the shape (below)            bytes 1–2  the size, 1 … 100,000
//   byte 3     the gate pattern             bytes 4…   per-level variation, used cyclically
//
//   0 JSON chain of nodes, each depending on the next (gates from the pattern)
//   1 JSON nesting: an unknown field holding arrays and objects nested `size` deep
//   2 MEF <define-component> nested `size` deep around one gate
//   3 MEF formula nested `size` deep inside one gate
//   4 MEF chain of gates, each referring to the next and to one basic event
//   5 MEF chain in reverse file order (each gate refers to the one defined before it)
//   6 MEF gate with `size` inputs;   7 JSON node with `size` dependencies
//
// FUZZ_DEEP_SHAPES=23456 limits the shapes (here to MEF), to look past a finding in the others.
// The model that loads goes through the engine; cut sets (small size bound and limit) run when
// the model stays within the node budget, so super-linear time or memory in the engine shows up
// as a timeout or an out-of-memory report.

#include "fuzzsupport.h"
#include "io/jsonformat.h"
#include "io/mefimport.h"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

using namespace chokepoint;

namespace {

constexpr std::size_t kMaxSize = 100'000;
constexpr std::size_t kCutSetNodeBudget = 250'000; // an 80,000-node chain must take linear room

/// Per-level choices, cycling through the input's tail.
class Pattern
{
public:
    explicit Pattern(std::string bytes) : m_bytes(bytes.empty() ? std::string(1, '\0') : std::move(bytes)) {}
    std::uint8_t at(std::size_t level) const
    {
        return static_cast<std::uint8_t>(m_bytes[level % m_bytes.size()]);
    }

private:
    std::string m_bytes;
};

const char *jsonGate(std::uint8_t choice, std::size_t inputs)
{
    switch (choice % 3) {
    case 0:
        return R"("all")";
    case 1:
        return R"("any")";
    default:
        return inputs >= 2 ? R"({"atLeast": 2})" : R"("all")";
    }
}

const char *mefConnective(std::uint8_t choice)
{
    constexpr const char *kConnectives[] = {"and", "or", "atleast"};
    return kConnectives[choice % 3];
}

std::string jsonHeader()
{
    return R"({"format": "chokepoint", "version": 1, "model": {"id": "deep", "title": "deep"}, )";
}

/// n0 → n1 → … → n(size-1), each gate also over a blockable leaf of its own.
std::string jsonChain(std::size_t size, const Pattern &pattern, std::uint8_t mode)
{
    std::string s = jsonHeader() + R"("nodes": [)";
    for (std::size_t i = 0; i < size; ++i) {
        const std::string id = "n" + std::to_string(i);
        const bool last = i + 1 == size;
        s += R"({"id": ")" + id + R"(", "name": "x", "kind": ")" + (i == 0 ? "function" : "service") +
             R"(", "users": )" + std::to_string(mode & 1 ? 9'000'000'000'000'000'000 : 1) +
             R"(, "blockable": true, "gate": )" + jsonGate(pattern.at(i), last ? 1 : 2) +
             R"(, "dependsOn": [)";
        s += R"("leaf)" + std::to_string(i) + R"(")";
        if (!last)
            s += R"(, "n)" + std::to_string(i + 1) + R"(")";
        s += "]}, ";
        s += R"({"id": "leaf)" + std::to_string(i) + R"(", "name": "x", "kind": "port", "blockable": true})";
        s += last ? "" : ", ";
    }
    s += R"(], "scenarios": [{"id": "s", "title": "s", "targets": ["n0"]}]})";
    return s;
}

std::string jsonNesting(std::size_t size, const Pattern &pattern)
{
    std::string open, close;
    for (std::size_t i = 0; i < size; ++i) {
        const bool array = pattern.at(i) & 1;
        open += array ? "[" : R"({"k": )";
        close += array ? "]" : "}";
    }
    std::string inner = "1";
    std::string closing(close.rbegin(), close.rend());
    return jsonHeader() + R"("nodes": [], "deep": )" + open + inner + closing + "}";
}

std::string jsonWide(std::size_t size)
{
    std::string s = jsonHeader() +
                    R"("nodes": [{"id": "top", "name": "t", "kind": "app", "gate": {"atLeast": )" +
                    std::to_string((size + 1) / 2) + R"(}, "dependsOn": [)";
    for (std::size_t i = 0; i < size; ++i)
        s += (i ? R"(, "l)" : R"("l)") + std::to_string(i) + R"(")";
    s += "]}";
    for (std::size_t i = 0; i < size; ++i)
        s += R"(, {"id": "l)" + std::to_string(i) + R"(", "name": "l", "kind": "port", "blockable": true})";
    return s + R"(], "scenarios": [{"id": "s", "title": "s", "targets": ["top"]}]})";
}

std::string mefDocument(const std::string &body)
{
    return "<?xml version=\"1.0\"?>\n<opsa-mef>\n<define-fault-tree name=\"FT\">\n" + body +
           "</define-fault-tree>\n</opsa-mef>\n";
}

std::string mefNestedComponents(std::size_t size)
{
    std::string open, close;
    for (std::size_t i = 0; i < size; ++i) {
        open += "<define-component name=\"c" + std::to_string(i) + "\">";
        close += "</define-component>";
    }
    return mefDocument(
        open +
        R"(<define-gate name="top"><or><basic-event name="a"/><basic-event name="b"/></or></define-gate>)" +
        close);
}

std::string mefNestedFormula(std::size_t size, const Pattern &pattern)
{
    std::string open, close;
    for (std::size_t i = 0; i < size; ++i) {
        const std::string c = mefConnective(pattern.at(i));
        open += "<" + c + (c == "atleast" ? " min=\"1\">" : ">") + "<basic-event name=\"e" +
                std::to_string(i) + "\"/>";
    }
    for (std::size_t i = size; i-- > 0;)
        close += std::string("</") + mefConnective(pattern.at(i)) + ">";
    return mefDocument("<define-gate name=\"top\">" + open + "<basic-event name=\"last\"/>" + close +
                       "</define-gate>\n");
}

/// g0 = op(g1, e0), g1 = op(g2, e1), …; `reverse` defines them last to first.
std::string mefChain(std::size_t size, const Pattern &pattern, bool reverse)
{
    std::string body;
    for (std::size_t k = 0; k < size; ++k) {
        const std::size_t i = reverse ? size - 1 - k : k;
        const std::string c = mefConnective(pattern.at(i));
        const std::string next =
            i + 1 < size ? "<gate name=\"g" + std::to_string(i + 1) + "\"/>" : "<basic-event name=\"end\"/>";
        body += "<define-gate name=\"g" + std::to_string(i) + "\"><" + c +
                (c == "atleast" ? " min=\"2\">" : ">") + next + "<basic-event name=\"e" + std::to_string(i) +
                "\"/><basic-event name=\"f" + std::to_string(i % 7) + "\"/></" + c + "></define-gate>\n";
    }
    return mefDocument(body);
}

std::string mefWide(std::size_t size, const Pattern &pattern)
{
    const std::string c = mefConnective(pattern.at(0));
    std::string body = "<define-gate name=\"top\"><" + c +
                       (c == "atleast" ? " min=\"" + std::to_string(1 + size / 2) + "\">" : ">");
    for (std::size_t i = 0; i < size; ++i)
        body += "<basic-event name=\"e" + std::to_string(i) + "\"/>";
    return mefDocument(body + "</" + c + "></define-gate>\n");
}

/// The shapes FUZZ_DEEP_SHAPES lists (digits, e.g. "23456"), or all of them; to look past a
/// finding in one format while it is open.
const std::vector<std::uint8_t> &allowedShapes()
{
    static const std::vector<std::uint8_t> shapes = [] {
        std::vector<std::uint8_t> v;
        const char *env = std::getenv("FUZZ_DEEP_SHAPES");
        for (const char *c = env ? env : ""; *c; ++c) {
            if (*c >= '0' && *c <= '7')
                v.push_back(static_cast<std::uint8_t>(*c - '0'));
        }
        if (v.empty())
            v = {0, 1, 2, 3, 4, 5, 6, 7};
        return v;
    }();
    return shapes;
}

/// Parses `text` in its format; nullopt when the reader refuses it as it should.
std::optional<Model> load(const std::string &text, bool mef)
{
    try {
        return mef ? parseMefModel(text, "deep.xml") : parseJsonModel(text, "deep.json");
    } catch (const InputError &) {
        return std::nullopt;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    fuzz::ByteReader in(data, size);
    const std::uint8_t shape = allowedShapes()[in.byte() % allowedShapes().size()];
    const std::size_t n = 1 + static_cast<std::size_t>(in.bits(2)) * (kMaxSize - 1) / 0xFFFF;
    const std::uint8_t mode = in.byte();
    const Pattern pattern(in.rest());

    std::string text;
    bool mef = true;
    switch (shape) {
    case 0:
        text = jsonChain(n, pattern, mode);
        mef = false;
        break;
    case 1:
        text = jsonNesting(n, pattern);
        mef = false;
        break;
    case 2:
        text = mefNestedComponents(n);
        break;
    case 3:
        text = mefNestedFormula(n, pattern);
        break;
    case 4:
    case 5:
        text = mefChain(n, pattern, shape == 5);
        break;
    case 6:
        text = mefWide(n, pattern);
        break;
    default:
        text = jsonWide(n);
        mef = false;
    }
    const std::optional<Model> model = load(text, mef);
    if (!model)
        return 0;
    fuzz::EngineLimits limits;
    limits.analysisNodes = kCutSetNodeBudget;
    limits.explainNodes = 1;
    limits.rank = false; // quadratic by design (every block tried on its own)
    limits.cutSetTargets = 1;
    limits.cutSetMaxSize = 1 + mode % 3;
    limits.cutSetLimit = 5;
    fuzz::exerciseModel(*model, limits);
    return 0;
}
