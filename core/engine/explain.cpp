#include "engine/explain.h"

#include <algorithm>

namespace chokepoint {
namespace {

/// Evaluates only the ancestors of one vertex, under flags that can be changed freely.
class ConeEvaluator
{
public:
    ConeEvaluator(const Graph &graph, Vertex target)
        : m_graph(graph), m_target(target), m_cone(graph.ancestors(target)), m_states(graph.vertexCount(), 2)
    {
    }

    const std::vector<Vertex> &cone() const { return m_cone; }

    /// The target's state when each cone vertex has the flags `flags[v]`.
    State run(const std::vector<std::uint8_t> &flags)
    {
        for (Vertex v : m_cone)
            m_states[v] = evaluateVertex(m_graph, m_states.data(), v, capOf(flags[v], m_graph.isCountermeasure(v)));
        return static_cast<State>(m_states[m_target]);
    }

    State stateOf(Vertex v) const { return static_cast<State>(m_states[v]); }

private:
    const Graph &m_graph;
    Vertex m_target;
    std::vector<Vertex> m_cone;
    std::vector<std::uint8_t> m_states;
};

struct Candidate
{
    Vertex vertex;
    Cause::Type type;
};

/// Flags with only `active` candidates in force: blocks and throttles not listed are lifted, and
/// countermeasures not listed as disabled count as enabled.
std::vector<std::uint8_t> flagsWith(const Graph &graph, const std::vector<std::uint8_t> &current,
                                    const std::vector<Candidate> &active, const std::vector<Vertex> &cone)
{
    std::vector<std::uint8_t> flags = current;
    for (Vertex v : cone) {
        flags[v] &= static_cast<std::uint8_t>(~(kBlocked | kThrottled));
        if (graph.isCountermeasure(v))
            flags[v] |= kEnabled;
    }
    for (const Candidate &c : active) {
        if (c.type == Cause::Type::Blocked)
            flags[c.vertex] |= kBlocked;
        else if (c.type == Cause::Type::Throttled)
            flags[c.vertex] |= kThrottled;
        else
            flags[c.vertex] &= static_cast<std::uint8_t>(~kEnabled);
    }
    return flags;
}

/// The shortest chain of failures from `from` to `to`. `parent` is scratch space of one entry per
/// vertex, all -1, and is left so: one cause's search costs what it visits, not the whole graph.
std::vector<std::string> pathFrom(const Model &model, const Graph &graph, const ConeEvaluator &cone, Vertex from,
                                  Vertex to, std::vector<Vertex> &parent)
{
    // Breadth-first along dependants through nodes that are not ok.
    constexpr Vertex kUnseen = static_cast<Vertex>(-1);
    std::vector<Vertex> visited{from};
    parent[from] = from;
    for (std::size_t next = 0; next < visited.size(); ++next) {
        const Vertex u = visited[next];
        if (u == to)
            break;
        for (Vertex d : graph.dependants(u)) {
            if (parent[d] == kUnseen && d <= to && cone.stateOf(d) != State::Ok) {
                parent[d] = u;
                visited.push_back(d);
            }
        }
    }
    std::vector<std::string> path;
    if (parent[to] != kUnseen) {
        for (Vertex v = to;; v = parent[v]) {
            path.push_back(model.nodes[graph.nodeOf(v)].id);
            if (v == from)
                break;
        }
        std::reverse(path.begin(), path.end());
    }
    for (Vertex v : visited)
        parent[v] = kUnseen;
    return path;
}

/// Sets `c` in force in `flags` (`inForce`), or lifts it.
void setInForce(std::vector<std::uint8_t> &flags, const Candidate &c, bool inForce)
{
    const std::uint8_t bit = c.type == Cause::Type::Blocked     ? kBlocked
                             : c.type == Cause::Type::Throttled ? kThrottled
                                                                : kEnabled;
    const bool set = c.type == Cause::Type::Disabled ? !inForce : inForce;
    flags[c.vertex] = set ? flags[c.vertex] | bit : flags[c.vertex] & static_cast<std::uint8_t>(~bit);
}

void findRestoreSets(const Model &model, const Graph &graph, ConeEvaluator &cone,
                     const std::vector<std::uint8_t> &current, const ExplainOptions &options, Explanation &out)
{
    std::vector<Vertex> actions; // blocked or throttled vertices in the cone
    for (Vertex v : cone.cone()) {
        if (current[v] & (kBlocked | kThrottled))
            actions.push_back(v);
    }
    std::vector<std::vector<std::size_t>> found;
    auto isSuperset = [&](const std::vector<std::size_t> &pick) {
        return std::any_of(found.begin(), found.end(), [&](const std::vector<std::size_t> &f) {
            return std::includes(pick.begin(), pick.end(), f.begin(), f.end());
        });
    };
    const std::size_t maxSize = std::min(options.maxRestoreSize, actions.size());
    // Every combination of up to three of the actions is tried, each with one evaluation of the
    // cone: with a thousand actions that is 10⁸ tries. Past kMaxTries the answer is given as
    // incomplete instead.
    constexpr std::size_t kMaxTries = 20'000;
    std::size_t tries = 0;
    std::vector<std::uint8_t> flags = current; // the picked actions are lifted and put back
    for (std::size_t size = 1; size <= maxSize && out.restoreComplete; ++size) {
        std::vector<std::size_t> pick(size);
        for (std::size_t i = 0; i < size; ++i)
            pick[i] = i;
        while (true) {
            if (!isSuperset(pick)) {
                if (++tries > kMaxTries) {
                    out.restoreComplete = false;
                    break;
                }
                for (std::size_t i : pick)
                    flags[actions[i]] &= static_cast<std::uint8_t>(~(kBlocked | kThrottled));
                const State restored = cone.run(flags);
                for (std::size_t i : pick)
                    flags[actions[i]] = current[actions[i]];
                if (restored == State::Ok) {
                    if (found.size() == options.maxRestoreSets) {
                        out.restoreComplete = false;
                        break;
                    }
                    found.push_back(pick);
                }
            }
            // Next combination in lexicographic order.
            std::size_t i = size;
            while (i > 0 && pick[i - 1] == actions.size() - size + i - 1)
                --i;
            if (i == 0)
                break;
            ++pick[i - 1];
            for (std::size_t j = i; j < size; ++j)
                pick[j] = pick[j - 1] + 1;
        }
    }
    if (maxSize < actions.size() && found.empty())
        out.restoreComplete = false;
    for (const auto &pick : found) {
        Actions set;
        for (std::size_t i : pick) {
            const Vertex v = actions[i];
            set.push_back(Action{model.nodes[graph.nodeOf(v)].id,
                                 (current[v] & kBlocked) ? ActionType::Block : ActionType::Throttle});
            if ((current[v] & kBlocked) && (current[v] & kThrottled))
                set.push_back(Action{set.back().node, ActionType::Throttle});
        }
        out.restore.push_back(std::move(set));
    }
    for (Vertex v : cone.cone()) {
        if (graph.isCountermeasure(v) && !(current[v] & kEnabled) && !(current[v] & kBlocked)) {
            flags[v] |= kEnabled;
            if (cone.run(flags) > out.state)
                out.enableToRestore.push_back(model.nodes[graph.nodeOf(v)].id);
            flags[v] = current[v];
        }
    }
}

} // namespace

Explanation explain(const Model &model, const Evaluator &evaluator, std::size_t nodeIndex,
                    const ExplainOptions &options)
{
    const Graph &graph = evaluator.graph();
    const Vertex target = graph.vertexOf(nodeIndex);
    Explanation out;
    out.node = model.nodes[nodeIndex].id;
    out.state = evaluator.state(target);
    if (out.state == State::Ok)
        return out;

    ConeEvaluator cone(graph, target);
    const std::vector<std::uint8_t> current(evaluator.rawFlags().begin(), evaluator.rawFlags().end());

    std::vector<Candidate> causes;
    for (Vertex v : cone.cone()) {
        if (current[v] & kBlocked)
            causes.push_back({v, Cause::Type::Blocked});
        else if (graph.isCountermeasure(v) && !(current[v] & kEnabled))
            causes.push_back({v, Cause::Type::Disabled});
        if ((current[v] & kThrottled) && !(current[v] & kBlocked))
            causes.push_back({v, Cause::Type::Throttled});
    }
    // Greedy deletion: drop every cause without which the node is still as bad. What remains is
    // irredundant: each remaining cause is needed. One set of flags, each cause lifted in place
    // and put back when it is needed (copying the flags per cause cost causes × nodes).
    std::vector<std::uint8_t> flags = flagsWith(graph, current, causes, cone.cone());
    std::vector<std::uint8_t> needed(causes.size(), 1);
    for (std::size_t i = causes.size(); i-- > 0;) {
        setInForce(flags, causes[i], false);
        if (cone.run(flags) <= out.state)
            needed[i] = 0;
        else
            setInForce(flags, causes[i], true);
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < causes.size(); ++i) {
        if (needed[i])
            causes[kept++] = causes[i];
    }
    causes.resize(kept);
    cone.run(flags);
    std::vector<Vertex> parent(graph.vertexCount(), static_cast<Vertex>(-1));
    for (const Candidate &c : causes)
        out.causes.push_back(Cause{model.nodes[graph.nodeOf(c.vertex)].id, c.type,
                                   pathFrom(model, graph, cone, c.vertex, target, parent)});

    findRestoreSets(model, graph, cone, current, options, out);
    return out;
}

std::string describe(const Model &model, const Explanation &e, std::string_view lang)
{
    auto name = [&](const std::string &id) {
        const Node *n = model.node(id);
        return n ? n->displayName(lang) : id;
    };
    std::string text = name(e.node) + " is " + std::string(toString(e.state)) + ".";
    if (e.state == State::Ok)
        return text + " Nothing in force reaches it.";
    for (const Cause &c : e.causes) {
        text += "\n- " + name(c.node) +
                (c.type == Cause::Type::Blocked     ? " is blocked"
                 : c.type == Cause::Type::Throttled ? " is throttled"
                                                    : " is a countermeasure that is not enabled");
        if (c.path.size() > 1) {
            text += ": ";
            for (std::size_t i = 0; i < c.path.size(); ++i)
                text += (i ? " → " : "") + name(c.path[i]);
        }
        text += ".";
    }
    if (e.restore.empty())
        text += "\nNo small set of lifted actions brings it back.";
    for (const Actions &set : e.restore) {
        text += "\nRestore by lifting: ";
        for (std::size_t i = 0; i < set.size(); ++i)
            text += (i ? ", " : "") + std::string(toString(set[i].type)) + " " + name(set[i].node);
        text += ".";
    }
    for (const std::string &id : e.enableToRestore)
        text += "\nEnabling " + name(id) + " would make it work " + (e.state == State::Failed ? "again." : "fully.");
    return text;
}

} // namespace chokepoint
