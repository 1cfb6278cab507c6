#include "engine/failurelogic.h"

#include "engine/evaluator.h"

#include <algorithm>
#include <limits>
#include <iterator>
#include <random>
#include <unordered_map>
#include <utility>

namespace chokepoint {
namespace {
constexpr FailureLogic::Ref kUnset = 0xFFFFFFFFu;
}

FailureLogic::FailureLogic(const Graph &graph, std::span<const std::uint8_t> flags, std::vector<std::uint8_t> variables)
    : m_graph(graph), m_flags(flags), m_variables(std::move(variables)), m_failed(graph.vertexCount(), kUnset),
      m_notOk(graph.vertexCount(), kUnset), m_variable(graph.vertexCount(), kUnset)
{
    m_variables.resize(graph.vertexCount(), 0);
    m_nodes.push_back(Node{Op::Constant, 0, 0, {}}); // kFalse
    m_nodes.push_back(Node{Op::Constant, 1, 0, {}}); // kTrue
}

FailureLogic::Ref FailureLogic::variable(Vertex v)
{
    if (m_variable[v] == kUnset) {
        m_variable[v] = static_cast<Ref>(m_nodes.size());
        m_nodes.push_back(Node{Op::Variable, 0, v, {}});
    }
    return m_variable[v];
}

std::uint64_t FailureLogic::hashOf(Op op, std::uint32_t k, const std::vector<Ref> &args)
{
    std::uint64_t h = (static_cast<std::uint64_t>(op) << 32 | k) * 0x9E3779B97F4A7C15ull;
    for (Ref a : args)
        h = (h ^ a) * 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

FailureLogic::Ref FailureLogic::make(Op op, std::uint32_t k, std::vector<Ref> args)
{
    std::sort(args.begin(), args.end());
    const std::uint64_t h = hashOf(op, k, args);
    auto [first, last] = m_shared.equal_range(h);
    for (auto it = first; it != last; ++it) {
        const Node &n = m_nodes[it->second];
        if (n.op == op && n.k == k && n.args == args)
            return it->second;
    }
    const Ref r = static_cast<Ref>(m_nodes.size());
    m_nodes.push_back(Node{op, k, 0, std::move(args)});
    m_shared.emplace(h, r);
    return r;
}

FailureLogic::Ref FailureLogic::threshold(long k, std::vector<Ref> args)
{
    // Constants out: a false argument is dropped, a true one lowers k.
    std::size_t out = 0;
    for (Ref a : args) {
        if (a == kTrue)
            --k;
        else if (a != kFalse)
            args[out++] = a;
    }
    args.resize(out);
    const auto n = static_cast<long>(args.size());
    if (k <= 0)
        return kTrue;
    if (k > n)
        return kFalse;
    if (k == 1 || k == n) {
        std::sort(args.begin(), args.end());
        args.erase(std::unique(args.begin(), args.end()), args.end());
        if (args.size() == 1)
            return args.front();
        return make(k == 1 ? Op::Or : Op::And, 0, std::move(args));
    }
    return make(Op::AtLeast, static_cast<std::uint32_t>(k), std::move(args));
}

FailureLogic::Ref FailureLogic::failed(Vertex t)
{
    if (m_failed[t] == kUnset) {
        for (Vertex v : m_graph.ancestors(t)) {
            if (m_failed[v] == kUnset)
                m_failed[v] = buildFailed(v);
        }
    }
    return m_failed[t];
}

FailureLogic::Ref FailureLogic::notOk(Vertex t)
{
    if (m_notOk[t] == kUnset) {
        for (Vertex v : m_graph.ancestors(t)) {
            if (m_notOk[v] == kUnset)
                m_notOk[v] = buildNotOk(v);
        }
    }
    return m_notOk[t];
}

FailureLogic::Ref FailureLogic::buildFailed(Vertex v)
{
    if (capOf(m_flags[v], m_graph.isCountermeasure(v)) == static_cast<std::uint8_t>(State::Failed))
        return kTrue;
    Ref gate = kFalse;
    const std::uint32_t need = m_graph.need(v);
    if (need > 0) {
        const auto hard = m_graph.hard(v), fallback = m_graph.fallback(v);
        std::vector<Ref> args;
        args.reserve(hard.size() + fallback.size());
        for (Vertex d : hard)
            args.push_back(m_failed[d]);
        for (Vertex d : fallback)
            args.push_back(m_failed[d]);
        // Fewer than `need` alive ⇔ at least m − need + 1 failed.
        const long k = static_cast<long>(args.size()) - need + 1;
        gate = threshold(k, std::move(args));
    }
    if (!m_variables[v])
        return gate;
    return threshold(1, {variable(v), gate});
}

FailureLogic::Ref FailureLogic::buildNotOk(Vertex v)
{
    if (capOf(m_flags[v], m_graph.isCountermeasure(v)) != static_cast<std::uint8_t>(State::Ok))
        return kTrue;
    std::vector<Ref> any;
    const std::uint32_t need = m_graph.need(v);
    if (need > 0) {
        const auto hard = m_graph.hard(v);
        std::vector<Ref> args;
        args.reserve(hard.size());
        for (Vertex d : hard)
            args.push_back(m_notOk[d]);
        // Fewer than `need` hard dependencies ok ⇔ at least |hard| − need + 1 of them not ok.
        const long k = static_cast<long>(args.size()) - need + 1;
        any.push_back(threshold(k, std::move(args)));
    }
    for (Vertex d : m_graph.soft(v))
        any.push_back(m_notOk[d]);
    if (m_variables[v])
        any.push_back(variable(v));
    return threshold(1, std::move(any));
}

std::vector<FailureLogic::Ref> FailureLogic::postOrder(Ref root) const
{
    std::vector<Ref> out;
    if (!isGate(root))
        return out;
    std::vector<std::uint8_t> seen(m_nodes.size(), 0);
    std::vector<std::pair<Ref, std::uint32_t>> stack{{root, 0}};
    seen[root] = 1;
    while (!stack.empty()) {
        const Ref r = stack.back().first;
        const std::uint32_t i = stack.back().second;
        const auto &args = m_nodes[r].args;
        if (i < args.size()) {
            ++stack.back().second;
            const Ref a = args[i];
            if (isGate(a) && !seen[a]) {
                seen[a] = 1;
                stack.emplace_back(a, 0);
            }
        } else {
            out.push_back(r);
            stack.pop_back();
        }
    }
    return out;
}

FailureLogic::Ref FailureLogic::coalesce(Ref root)
{
    const std::vector<Ref> order = postOrder(root);
    std::vector<std::uint32_t> parents(m_nodes.size(), 0);
    for (Ref g : order) {
        for (Ref a : m_nodes[g].args)
            ++parents[a];
    }
    std::vector<Ref> replace(m_nodes.size());
    for (Ref r = 0; r < replace.size(); ++r)
        replace[r] = r;
    // A gate merged into its only parent hands its arguments over: the largest list is moved, the
    // others appended to it, and the merged gate is left empty. On a chain of n nested gates,
    // copying each level's list into the next would cost n²/2 in memory and time; this costs n.
    // Lists are sorted once, at the end, for the gates that remain.
    for (Ref g : order) {
        Node &n = m_nodes[g];
        const bool merges = n.op == Op::Or || n.op == Op::And;
        std::vector<Ref> own = std::move(n.args);
        for (Ref &a : own)
            a = replace[a];
        auto absorbed = [&](Ref a) { return merges && m_nodes[a].op == n.op && parents[a] == 1; };
        Ref largest = kUnset;
        for (Ref a : own) {
            if (absorbed(a) && (largest == kUnset || m_nodes[a].args.size() > m_nodes[largest].args.size()))
                largest = a;
        }
        std::vector<Ref> args;
        if (largest != kUnset)
            args = std::exchange(m_nodes[largest].args, {});
        args.reserve(args.size() + own.size());
        for (Ref a : own) {
            if (a == largest)
                continue;
            if (absorbed(a)) {
                const std::vector<Ref> moved = std::exchange(m_nodes[a].args, {});
                args.insert(args.end(), moved.begin(), moved.end());
            } else {
                args.push_back(a);
            }
        }
        // A merged gate had two different arguments, or it would have been replaced; without one,
        // a gate whose arguments are all the same one is that argument.
        const bool single = largest == kUnset && !args.empty() &&
                            std::all_of(args.begin(), args.end(), [&](Ref a) { return a == args.front(); });
        if (merges && single) {
            replace[g] = args.front();
            parents[args.front()] += parents[g]; // g's parents use its argument instead of g
            --parents[args.front()];
        }
        n.args = std::move(args);
    }
    const Ref result = replace[root];
    for (Ref g : postOrder(result)) {
        Node &n = m_nodes[g];
        if (n.op == Op::Or || n.op == Op::And) {
            std::sort(n.args.begin(), n.args.end());
            n.args.erase(std::unique(n.args.begin(), n.args.end()), n.args.end());
        }
    }
    return result;
}

FailureLogic::VisitTimes FailureLogic::visitTimes(Ref root, const std::vector<Ref> &order) const
{
    const std::size_t n = m_nodes.size();
    VisitTimes t;
    t.enter.assign(n, 0);
    t.exit.assign(n, 0);
    t.first.assign(n, 0);
    t.last.assign(n, 0);
    std::uint32_t time = 0;
    std::vector<std::pair<Ref, std::uint32_t>> stack{{root, 0}};
    t.first[root] = t.enter[root] = ++time;
    while (!stack.empty()) {
        const Ref r = stack.back().first;
        const std::uint32_t i = stack.back().second;
        const auto &args = m_nodes[r].args;
        if (i < args.size()) {
            ++stack.back().second;
            const Ref a = args[i];
            ++time;
            if (t.first[a] == 0) {
                t.first[a] = time;
                if (isGate(a)) {
                    t.enter[a] = time;
                    stack.emplace_back(a, 0);
                }
            }
            t.last[a] = time;
        } else {
            t.exit[r] = ++time;
            t.last[r] = std::max(t.last[r], t.exit[r]);
            stack.pop_back();
        }
    }
    // The span of visits of each node and everything below it.
    t.low = t.first;
    t.high = t.last;
    t.module.assign(n, 0);
    for (Ref g : order) {
        std::uint32_t low = std::numeric_limits<std::uint32_t>::max(), high = 0;
        for (Ref a : m_nodes[g].args) {
            low = std::min(low, t.low[a]);
            high = std::max(high, t.high[a]);
        }
        t.module[g] = low > t.enter[g] && high < t.exit[g];
        t.low[g] = std::min(t.low[g], low);
        t.high[g] = std::max(t.high[g], high);
    }
    return t;
}

FailureLogic::Ref FailureLogic::addGate(Op op, std::vector<Ref> args)
{
    const Ref r = static_cast<Ref>(m_nodes.size());
    m_nodes.push_back(Node{op, 0, 0, std::move(args)});
    return r;
}

FailureLogic::Ref FailureLogic::extract(Ref gate, const std::vector<Ref> &moved)
{
    const Ref sub = addGate(m_nodes[gate].op, moved);
    auto &args = m_nodes[gate].args;
    std::vector<Ref> sorted = moved;
    std::sort(sorted.begin(), sorted.end());
    args.erase(std::remove_if(args.begin(), args.end(),
                              [&](Ref a) { return std::binary_search(sorted.begin(), sorted.end(), a); }),
               args.end());
    args.push_back(sub);
    return sub;
}

void FailureLogic::mergeCommonArguments(Ref root)
{
    constexpr std::size_t kMaxUsersPaired = 256; // pairs grow with the square of an argument's users
    // Each round looks at the whole circuit and merges one group, so a circuit with thousands of
    // mergeable groups took minutes. Merging is an optimisation: past this many argument visits
    // the circuit is left as it is (the Aralia trees use well under a tenth of it).
    constexpr std::size_t kMaxWork = std::size_t{1} << 27;
    std::size_t work = 0;
    std::vector<std::vector<Ref>> users;         // by argument: the OR and AND gates using it
    std::vector<std::uint32_t> common;           // by gate: arguments in common with the gate at hand
    std::vector<Ref> met;
    for (;;) {
        users.assign(m_nodes.size(), {});
        common.assign(m_nodes.size(), 0);
        std::vector<Ref> gates;
        for (Ref g : postOrder(root)) {
            Node &n = m_nodes[g];
            work += n.args.size() + 1;
            if (n.op != Op::Or && n.op != Op::And)
                continue;
            std::sort(n.args.begin(), n.args.end());
            n.args.erase(std::unique(n.args.begin(), n.args.end()), n.args.end());
            gates.push_back(g);
            for (Ref a : n.args)
                users[a].push_back(g);
        }
        // Candidate groups: what two gates of one kind have in common, two arguments or more; the
        // group is shared by every gate of the kind holding all of it.
        std::vector<Ref> best, bestUsers;
        std::size_t bestSaving = 0;
        for (Ref g : gates) {
            const Node &n = m_nodes[g];
            met.clear();
            for (Ref a : n.args) {
                if (users[a].size() > kMaxUsersPaired)
                    continue;
                work += users[a].size();
                for (Ref h : users[a]) {
                    if (h > g && m_nodes[h].op == n.op && common[h]++ == 0)
                        met.push_back(h);
                }
            }
            for (Ref h : met) {
                const std::uint32_t shared = std::exchange(common[h], 0);
                if (shared < 2)
                    continue;
                const auto &other = m_nodes[h].args;
                std::vector<Ref> group;
                std::set_intersection(n.args.begin(), n.args.end(), other.begin(), other.end(), std::back_inserter(group));
                std::vector<Ref> holders = users[group.front()];
                std::erase_if(holders, [&](Ref u) {
                    const auto &args = m_nodes[u].args;
                    return m_nodes[u].op != n.op || !std::includes(args.begin(), args.end(), group.begin(), group.end());
                });
                // n holders with k arguments each: n·k edges become n + k.
                const std::size_t saving = holders.size() * group.size() - holders.size() - group.size();
                if (saving > bestSaving || (saving == bestSaving && saving > 0 && group < best)) {
                    bestSaving = saving;
                    best = std::move(group);
                    bestUsers = std::move(holders);
                }
            }
        }
        if (bestSaving == 0 || work > kMaxWork)
            return;
        // A holder whose arguments are exactly the group is the new gate already.
        Ref merged = kUnset;
        for (Ref g : bestUsers) {
            if (m_nodes[g].args == best)
                merged = g;
        }
        if (merged == kUnset)
            merged = addGate(m_nodes[bestUsers.front()].op, best);
        for (Ref g : bestUsers) {
            if (g == merged)
                continue;
            auto &args = m_nodes[g].args;
            std::vector<Ref> rest;
            std::set_difference(args.begin(), args.end(), best.begin(), best.end(), std::back_inserter(rest));
            rest.insert(std::lower_bound(rest.begin(), rest.end(), merged), merged);
            rest.erase(std::unique(rest.begin(), rest.end()), rest.end());
            args = std::move(rest);
        }
    }
}

void FailureLogic::modularize(Ref root)
{
    if (!isGate(root))
        return;
    const std::vector<Ref> order = postOrder(root);
    std::vector<std::uint32_t> parents(m_nodes.size(), 0);
    for (Ref g : order) {
        for (Ref a : m_nodes[g].args)
            ++parents[a];
    }
    const VisitTimes t = visitTimes(root, order);
    auto within = [&](Ref a, Ref g) { return t.low[a] > t.enter[g] && t.high[a] < t.exit[g]; };
    auto overlap = [&](Ref a, Ref b) { return t.low[a] <= t.high[b] && t.low[b] <= t.high[a]; };
    for (Ref g : order) {
        const Op op = m_nodes[g].op;
        if (op != Op::Or && op != Op::And)
            continue;
        std::vector<Ref> alone, modular, shared;
        for (Ref a : m_nodes[g].args) {
            const bool module = !isGate(a) || t.module[a];
            if (parents[a] == 1 && module)
                alone.push_back(a); // used here only, with nothing below it used elsewhere
            else
                (within(a, g) ? modular : shared).push_back(a);
        }
        if (alone.size() >= 2 && alone.size() < m_nodes[g].args.size())
            extract(g, alone);
        // An argument whose span meets a shared argument's is not modular either, and so on.
        for (bool moved = true; moved && !modular.empty();) {
            moved = false;
            for (std::size_t i = 0; i < modular.size(); ++i) {
                const Ref a = modular[i];
                if (std::any_of(shared.begin(), shared.end(), [&](Ref b) { return overlap(a, b); })) {
                    shared.push_back(a);
                    modular.erase(modular.begin() + static_cast<std::ptrdiff_t>(i--));
                    moved = true;
                }
            }
        }
        if (modular.size() < 2)
            continue;
        // Groups of modular arguments with overlapping spans: each is a module of its own.
        std::sort(modular.begin(), modular.end(), [&](Ref a, Ref b) { return t.low[a] < t.low[b]; });
        std::vector<std::vector<Ref>> groups{{modular.front()}};
        std::uint32_t reach = t.high[modular.front()];
        for (std::size_t i = 1; i < modular.size(); ++i) {
            if (t.low[modular[i]] > reach)
                groups.emplace_back();
            groups.back().push_back(modular[i]);
            reach = std::max(reach, t.high[modular[i]]);
        }
        const bool all = modular.size() == m_nodes[g].args.size();
        if (all && groups.size() == 1)
            continue;
        const Ref main = all ? g : extract(g, modular);
        for (const auto &group : groups) {
            if (group.size() >= 2 && group.size() < m_nodes[main].args.size())
                extract(main, group);
        }
    }
}

FailureLogic::Structure FailureLogic::analyse(Ref root) const
{
    Structure s;
    const std::size_t n = m_nodes.size();
    s.isModule.assign(n, 0);
    s.moduleIndex.assign(n, kNoLevel);
    s.parents.assign(n, 0);
    s.weight.assign(n, 1.0);
    if (!isGate(root)) {
        if (isVariable(root))
            s.variables.push_back(root);
        return s;
    }
    const std::vector<Ref> gates = postOrder(root);
    for (Ref g : gates) {
        s.weight[g] = 0;
        for (Ref a : m_nodes[g].args) {
            ++s.parents[a];
            s.weight[g] += s.weight[a];
        }
    }
    const VisitTimes t = visitTimes(root, gates);
    for (Ref g : gates) {
        s.isModule[g] = t.module[g];
        if (g == root)
            s.isModule[g] = 1;
        if (s.isModule[g]) {
            s.moduleIndex[g] = static_cast<std::uint32_t>(s.modules.size());
            s.modules.push_back(g); // post-order: inner modules first
        }
    }
    // Each module's items: what its region (the gates below it, not inside another module) uses.
    std::vector<std::uint8_t> seen(n, 0);
    for (Ref m : s.modules) {
        std::vector<Ref> items, stack{m};
        while (!stack.empty()) {
            const Ref g = stack.back();
            stack.pop_back();
            for (Ref a : m_nodes[g].args) {
                if (seen[a])
                    continue;
                seen[a] = 1;
                if (isVariable(a)) {
                    items.push_back(a);
                    s.variables.push_back(a);
                } else if (s.isModule[a]) {
                    items.push_back(a);
                } else {
                    stack.push_back(a);
                }
            }
        }
        s.base.push_back(s.levelCount);
        s.levelCount += static_cast<std::uint32_t>(items.size());
        s.items.push_back(std::move(items));
    }
    return s;
}

std::vector<FailureLogic::Ref> FailureLogic::orderItems(const Structure &s, std::size_t module, Ordering ordering,
                                                        std::uint32_t seed) const
{
    const Ref top = s.modules[module];
    std::vector<Ref> out;
    out.reserve(s.items[module].size());
    std::mt19937 random(seed);
    const bool variablesFirst = ordering == Ordering::VariablesFirst || (ordering == Ordering::Random && random() % 2);
    std::vector<std::uint8_t> placed(m_nodes.size(), 0);
    auto place = [&](Ref r) {
        if (!placed[r]) {
            placed[r] = 1;
            out.push_back(r);
        }
    };
    struct Frame
    {
        std::vector<Ref> gates, variables;
        std::size_t next = 0;
    };
    auto frameOf = [&](Ref g) {
        Frame f;
        for (Ref a : m_nodes[g].args)
            (isGate(a) ? f.gates : f.variables).push_back(a);
        auto byParents = [&](Ref x, Ref y) { return s.parents[x] > s.parents[y]; };
        auto byWeight = [&](Ref x, Ref y) { return s.weight[x] < s.weight[y]; };
        switch (ordering) {
        case Ordering::Scram:
        case Ordering::VariablesFirst:
            std::stable_sort(f.gates.begin(), f.gates.end(), byParents);
            break;
        case Ordering::SmallFirst:
            std::stable_sort(f.gates.begin(), f.gates.end(), byWeight);
            break;
        case Ordering::LargeFirst:
            std::stable_sort(f.gates.rbegin(), f.gates.rend(), byWeight);
            break;
        case Ordering::Random:
            std::shuffle(f.gates.begin(), f.gates.end(), random);
            std::shuffle(f.variables.begin(), f.variables.end(), random);
            break;
        }
        if (ordering != Ordering::Random)
            std::stable_sort(f.variables.begin(), f.variables.end(), byParents);
        if (variablesFirst) {
            for (Ref v : f.variables)
                place(v);
        }
        return f;
    };
    // Depth first through the module's region; a sub-module is an item, placed where it is met.
    std::vector<std::uint8_t> entered(m_nodes.size(), 0);
    std::vector<Frame> frames;
    frames.push_back(frameOf(top));
    entered[top] = 1;
    while (!frames.empty()) {
        Frame &f = frames.back();
        if (f.next < f.gates.size()) {
            const Ref a = f.gates[f.next++];
            if (s.isModule[a]) {
                place(a);
            } else if (!entered[a]) {
                entered[a] = 1;
                frames.push_back(frameOf(a)); // invalidates f
            }
            continue;
        }
        for (Ref v : f.variables)
            place(v);
        frames.pop_back();
    }
    return out;
}

} // namespace chokepoint
