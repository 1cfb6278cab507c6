#include "model/validate.h"

#include "util/parallel.h"

#include <algorithm>
#include <iterator>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace chokepoint {
namespace {

constexpr std::size_t kMaxTextBytes = 1 << 20; // 1 MiB per text field: a guard against absurd input
// A timeline is stepped through by hand, and each step is evaluated on the whole model for its
// chart: 60,000 steps took minutes to draw. A thousand is far more than any lesson.
constexpr std::size_t kMaxSteps = 1000;

class Validator
{
public:
    Validator(const Model &model, const std::string &file) : m_model(model), m_file(file) {}

    /// The checks of nodes[range] that look at one node (and its edges) at a time: first those
    /// of ids, then the rest.
    void checkNodes(IndexRange range)
    {
        checkIds(range);
        m_idProblems = std::exchange(m_problems, {});
        for (std::size_t i = range.begin; i < range.end; ++i)
            checkNode(i);
    }

    /// The checks of the model as a whole.
    void checkModel(bool nodesValid)
    {
        if (nodesValid)
            checkCycles();
        checkScenarios();
    }

    Problems takeIdProblems() { return std::move(m_idProblems); }
    Problems takeProblems() { return std::move(m_problems); }

private:
    void add(const std::string &id, std::string message, const char *subject = "node")
    {
        Problem p{m_file, id, 0, std::move(message)};
        p.subject = subject;
        m_problems.push_back(std::move(p));
    }

    void checkIds(IndexRange range)
    {
        // The index keeps the first node of each id, so a node the index does not map back to
        // itself is a duplicate (looked up only when the index counted fewer ids than nodes).
        const bool duplicates = m_model.hasDuplicateIds();
        for (std::size_t i = range.begin; i < range.end; ++i) {
            const Node &node = m_model.nodes[i];
            if (!isValidId(node.id))
                add(node.id, "id is not of the form [A-Za-z0-9_][A-Za-z0-9._-]*");
            else if (duplicates && m_model.indexOf(node.id) != i)
                add(node.id, "duplicate id");
        }
    }

    void checkText(const Node &node, const std::string &field, const std::string &value)
    {
        if (value.size() > kMaxTextBytes)
            add(node.id, field + " is longer than 1 MiB (" + std::to_string(value.size()) + " bytes)");
    }

    void checkNode(std::size_t index)
    {
        const Node &node = m_model.nodes[index];
        checkText(node, "name", node.name);
        checkText(node, "description", node.description);
        checkText(node, "category", node.category);
        checkText(node, "owner", node.owner);
        if (node.users < 0)
            add(node.id, "users is negative");
        else if (node.users > kMaxUsers)
            add(node.id, "users is " + std::to_string(node.users) + ", more than the " +
                             std::to_string(kMaxUsers) + " any node may claim");

        const auto targets = m_model.resolvedDependencies(index);
        std::size_t hardOrFallback = 0;
        for (std::size_t j = 0; j < node.dependsOn.size(); ++j) {
            const Dependency &dep = node.dependsOn[j];
            if (targets[j] == Model::kUnresolved)
                add(node.id, "depends on unknown node '" + dep.node + "'");
            else if (targets[j] == index)
                add(node.id, "depends on itself (cycle: " + node.id + " -> " + node.id + ")");
            if (dep.type != DepType::Soft)
                ++hardOrFallback;
            if (dep.type == DepType::Fallback && node.gate.kind == GateKind::All)
                add(node.id, "has a fallback dependency on '" + dep.node +
                                 "' under gate 'all' (fallbacks need 'any' or 'atLeast')");
        }
        checkDuplicateEdges(node, targets);
        if (node.gate.kind == GateKind::AtLeast &&
            (node.gate.k < 1 || static_cast<std::size_t>(node.gate.k) > hardOrFallback)) {
            add(node.id, "gate atLeast " + std::to_string(node.gate.k) + " is out of range: it has " +
                             std::to_string(hardOrFallback) + " hard or fallback dependencies");
        }
    }

    void checkDuplicateEdges(const Node &node, std::span<const std::uint32_t> targets)
    {
        if (targets.size() <= 16) { // the common case: compare pairs, no allocation
            for (std::size_t a = 1; a < targets.size(); ++a) {
                for (std::size_t b = 0; b < a; ++b) {
                    if (targets[a] == targets[b] && targets[a] != Model::kUnresolved) {
                        add(node.id, "depends on '" + m_model.nodes[targets[a]].id + "' more than once");
                        break;
                    }
                }
            }
            return;
        }
        m_scratch.assign(targets.begin(), targets.end());
        std::sort(m_scratch.begin(), m_scratch.end());
        for (std::size_t j = 1; j < m_scratch.size(); ++j) {
            if (m_scratch[j] == m_scratch[j - 1] && m_scratch[j] != Model::kUnresolved)
                add(node.id, "depends on '" + m_model.nodes[m_scratch[j]].id + "' more than once");
        }
    }

    // Iterative depth-first search; on a back edge, reports the cycle it closes.
    void checkCycles()
    {
        const std::size_t n = m_model.nodes.size();
        std::vector<std::uint8_t> colour(n, 0); // 0 new, 1 on stack, 2 done
        std::vector<std::pair<std::size_t, std::size_t>> stack; // node, next dependency
        for (std::size_t root = 0; root < n; ++root) {
            if (colour[root])
                continue;
            stack.emplace_back(root, 0);
            colour[root] = 1;
            while (!stack.empty()) {
                auto &[v, next] = stack.back();
                const auto deps = m_model.resolvedDependencies(v);
                if (next == deps.size()) {
                    colour[v] = 2;
                    stack.pop_back();
                    continue;
                }
                const std::size_t w = deps[next++];
                if (colour[w] == 1) {
                    reportCycle(stack, w);
                    return;
                }
                if (colour[w] == 0) {
                    colour[w] = 1;
                    stack.emplace_back(w, 0);
                }
            }
        }
    }

    void reportCycle(const std::vector<std::pair<std::size_t, std::size_t>> &stack, std::size_t w)
    {
        std::string path;
        bool inCycle = false;
        for (const auto &frame : stack) {
            if (frame.first == w)
                inCycle = true;
            if (inCycle)
                path += m_model.nodes[frame.first].id + " -> ";
        }
        path += m_model.nodes[w].id;
        add(m_model.nodes[w].id, "is part of a dependency cycle: " + path);
    }

    void checkIdList(const Scenario &s, const std::vector<std::string> &ids, const char *field)
    {
        for (const std::string &id : ids) {
            if (!m_model.indexOf(id))
                add(s.id, std::string(field) + " names unknown node '" + id + "'", "scenario");
        }
    }

    void checkScenarios()
    {
        std::unordered_set<std::string_view> seen;
        for (const Scenario &s : m_model.scenarios) {
            if (!isValidId(s.id))
                add(s.id, "scenario id is not of the form [A-Za-z0-9_][A-Za-z0-9._-]*", "scenario");
            else if (!seen.insert(s.id).second)
                add(s.id, "duplicate scenario id", "scenario");
            if (s.steps.size() > kMaxSteps)
                add(s.id, "has " + std::to_string(s.steps.size()) + " steps; a timeline holds at most " +
                              std::to_string(kMaxSteps),
                    "scenario");
            auto more = validateActions(m_model, s.effectiveActions(), "scenario '" + s.id + "'", m_file);
            for (Problem &p : more) {
                p.subject = "scenario";
                p.node = s.id;
            }
            m_problems.insert(m_problems.end(), more.begin(), more.end());
            checkIdList(s, s.targets, "targets");
            checkIdList(s, s.expect.failed, "expect.failed");
            checkIdList(s, s.expect.degraded, "expect.degraded");
            checkIdList(s, s.expect.ok, "expect.ok");
        }
        if (!m_model.info.defaultScenario.empty() && !m_model.scenario(m_model.info.defaultScenario))
            add(m_model.info.defaultScenario, "model.defaultScenario names an unknown scenario", "scenario");
    }

    const Model &m_model;
    const std::string &m_file;
    Problems m_problems;
    Problems m_idProblems;
    std::vector<std::uint32_t> m_scratch;
};

} // namespace

Problems validate(const Model &model, const std::string &file)
{
    // Nodes are checked in parallel ranges (a million-app model has 1.7 million), and their
    // problems reported in the order one pass would find them: every id problem, then the rest.
    constexpr std::size_t kNodesPerThread = 100'000;
    const std::size_t n = model.nodes.size();
    std::vector<Validator> checkers(threadsFor(n, kNodesPerThread), Validator(model, file));
    forRanges(n, checkers.size(), [&](std::size_t i, IndexRange range) { checkers[i].checkNodes(range); });
    Problems problems;
    auto append = [&problems](Problems more) {
        problems.insert(problems.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    };
    for (Validator &v : checkers)
        append(v.takeIdProblems());
    for (Validator &v : checkers)
        append(v.takeProblems());
    Validator whole(model, file);
    whole.checkModel(problems.empty());
    append(whole.takeProblems());
    return problems;
}

Problems validateActions(const Model &model, const Actions &actions, const std::string &where,
                         const std::string &file)
{
    Problems problems;
    for (const Action &a : actions) {
        const Node *node = model.node(a.node);
        std::string message;
        if (!node)
            message = where + " acts on unknown node '" + a.node + "'";
        else if (a.type == ActionType::Enable && node->kind != Kind::Countermeasure)
            message = where + " enables '" + a.node + "', which is not a countermeasure";
        else if (a.type != ActionType::Enable && !node->blockable)
            message = where + " tries to " + std::string(toString(a.type)) + " '" + a.node +
                      "', which is not blockable";
        if (!message.empty())
            problems.push_back(Problem{file, a.node, 0, message});
    }
    return problems;
}

} // namespace chokepoint
