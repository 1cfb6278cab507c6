#include "engine/cutsets.h"

#include "engine/bdd.h"
#include "engine/failurelogic.h"
#include "engine/modulesolver.h"
#include "engine/setcounter.h"
#include "engine/zbdd.h"
#include "util/deepstack.h"
#include "util/problem.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace chokepoint {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::uint32_t kUnlimited = SetCounter::kUnlimited;
constexpr std::uint32_t kNone = 0xFFFFFFFFu;

/// A stop source that is also stopped when an outer token is.
class LinkedStop
{
public:
    explicit LinkedStop(std::stop_token outer) : m_forward(std::move(outer), Forward{m_source.get()}) {}
    std::stop_token token() const { return m_source->get_token(); }
    void stop() { m_source->request_stop(); }

private:
    struct Forward
    {
        std::stop_source *source;
        void operator()() const { source->request_stop(); }
    };
    // On the heap: GCC 12 takes a stop_source built in place on the stack for one used
    // uninitialised (-Wmaybe-uninitialized in the sanitizer build).
    std::unique_ptr<std::stop_source> m_source = std::make_unique<std::stop_source>();
    std::stop_callback<Forward> m_forward;
};

double secondsSince(Clock::time_point t0)
{
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

/**
 * The indices of the `n` tuples of `size` ranks each, held one after the other in `ranks` (each
 * rank below `keys`), in lexicographic order of the tuples. A least-significant-digit radix sort, one
 * counting pass per position: linear in the listing, where a comparison sort spent most of the
 * time of a full listing comparing tuples (edf9203: 20.8 M sets).
 */
std::vector<std::uint32_t> lexicographicOrder(const std::vector<std::uint32_t> &ranks, std::size_t n, std::size_t size,
                                              std::size_t keys)
{
    std::vector<std::uint32_t> order(n), next(n);
    std::iota(order.begin(), order.end(), 0u);
    std::vector<std::size_t> start(keys + 1);
    for (std::size_t pos = size; pos-- > 0;) {
        std::fill(start.begin(), start.end(), 0);
        for (std::size_t i = 0; i < n; ++i)
            ++start[ranks[i * size + pos] + 1];
        for (std::size_t k = 1; k <= keys; ++k)
            start[k] += start[k - 1];
        for (std::uint32_t i : order)
            next[start[ranks[std::size_t{i} * size + pos]]++] = i;
        order.swap(next);
    }
    return order;
}

/**
 * Users lost outside the target's cone when a set of blocks is added: blocks the members on a copy
 * of the evaluator, follows the changes, and takes them back.
 */
class CollateralMeter
{
public:
    CollateralMeter(const Model &model, const Evaluator &evaluator, Vertex target)
        : m_model(model), m_ev(evaluator), m_excluded(evaluator.graph().vertexCount(), 0),
          m_touched(evaluator.graph().vertexCount(), 0)
    {
        const Vertex roots[] = {target};
        for (Vertex v : evaluator.graph().descendants(roots))
            m_excluded[v] = 1;
        m_before.assign(evaluator.rawStates().begin(), evaluator.rawStates().end());
    }

    /// Whether some function or app outside the cone, reachable from `sources`, has users to lose.
    bool matters(std::span<const Vertex> sources) const
    {
        const Graph &g = m_ev.graph();
        for (Vertex v : g.descendants(sources)) {
            const Node &n = m_model.nodes[g.nodeOf(v)];
            if (!m_excluded[v] && countsUsers(n.kind) && n.users != 0 && m_before[v] != 0)
                return true;
        }
        return false;
    }

    std::int64_t measure(std::span<const Vertex> blocks)
    {
        const Graph &g = m_ev.graph();
        m_list.clear();
        for (Vertex b : blocks) {
            for (Vertex v : m_ev.setFlags(b, m_ev.flags(b) | kBlocked)) {
                if (!m_touched[v]) {
                    m_touched[v] = 1;
                    m_list.push_back(v);
                }
            }
        }
        std::int64_t users = 0;
        for (Vertex v : m_list) {
            m_touched[v] = 0;
            const Node &n = m_model.nodes[g.nodeOf(v)];
            if (!m_excluded[v] && countsUsers(n.kind) && m_before[v] != 0 && m_ev.state(v) == State::Failed)
                users = addUsers(users, n.users);
        }
        for (auto it = blocks.rbegin(); it != blocks.rend(); ++it)
            m_ev.setFlags(*it, m_ev.flags(*it) & ~kBlocked);
        return users;
    }

private:
    const Model &m_model;
    Evaluator m_ev;
    std::vector<std::uint8_t> m_excluded, m_touched;
    std::vector<std::uint8_t> m_before;
    std::vector<Vertex> m_list;
};

class Analysis
{
public:
    Analysis(const Model &model, const Evaluator &ev, std::size_t targetNode, const CutSetOptions &options,
             const CutSetSink *sink)
        : m_model(model), m_ev(ev), m_graph(ev.graph()), m_target(ev.graph().vertexOf(targetNode)),
          m_cone(m_graph.ancestors(m_target)), m_options(options), m_sink(sink),
          m_budget(options.maxSize
                       ? static_cast<std::uint32_t>(std::min<std::size_t>(options.maxSize, kUnlimited - 1))
                       : kUnlimited)
    {
        m_result.target = model.nodes[targetNode].id;
        m_result.targetState = ev.state(m_target);
        // The diagrams have a level for each variable and module below the target, at most two
        // for each vertex it depends on.
        m_stackBytes = stackForLevels(2 * m_cone.size());
    }

    /// The stack each thread of this analysis needs (util/deepstack.h).
    std::size_t stackBytes() const { return m_stackBytes; }

    CutSetResult run();

private:
    using Ref = FailureLogic::Ref;
    using Ordering = FailureLogic::Ordering;

    DiagramLimits limits(std::size_t maxNodes, std::stop_token stop) const { return DiagramLimits{maxNodes, stop}; }
    void report(std::string_view phase, double fraction) const
    {
        if (m_options.progress)
            m_options.progress(phase, fraction);
        if (m_options.stop.stop_requested())
            throw Cancelled();
    }
    std::vector<Vertex> protectedVertices() const;
    std::vector<std::uint8_t> candidates() const;
    Zbdd::Ref solveAll();
    ModuleSolver::Solution solveModule(std::size_t module);
    ModuleSolver::Solution race(const ModuleSolver &solver, std::span<const Ordering> orderings);
    std::optional<ModuleSolver::Solution> raceFirstRound(ModuleSolver::Attempt &first, ModuleSolver::Attempt &second,
                                                         std::size_t budget, LinkedStop &stopKept);
    /// After a race nobody won: Cancelled if the analysis was stopped, else the first error.
    void rethrowAfterRace(std::span<const std::exception_ptr> errors) const;
    std::uint32_t itemWeight(Ref item) const;
    void layout();
    Zbdd::Ref flatten(Zbdd::Ref z);
    Zbdd::Ref protection(std::span<const Vertex> protect);
    void list(Zbdd::Ref family);
    void listSize(SetCounter &counter, Zbdd::Ref family, std::uint32_t size, std::size_t take);
    void emit(std::span<const std::uint32_t> ranks, std::int64_t collateral);
    void emitAlreadyFailed();
    void notifyCounted();
    void count(Zbdd::Ref family, SetCounter &counter);

    const Model &m_model;
    const Evaluator &m_ev;
    const Graph &m_graph;
    const Vertex m_target;
    const std::vector<Vertex> m_cone; // the target and every vertex it depends on
    const CutSetOptions &m_options;
    const CutSetSink *m_sink;
    const std::uint32_t m_budget;
    std::size_t m_stackBytes = 0;
    CutSetResult m_result;

    std::unique_ptr<FailureLogic> m_logic;
    FailureLogic::Structure m_structure;
    std::unique_ptr<Zbdd> m_zbdd;                 // every module's family, at its own levels
    std::unique_ptr<SetCounter> m_counter;         // counts with sub-modules substituted
    std::vector<Zbdd::Ref> m_family;               // by module
    std::vector<std::vector<Ref>> m_items;         // by module: its items in the order solved
    std::vector<std::uint32_t> m_smallest;         // by module: size of its smallest set
    std::vector<Ref> m_itemAtLevel;                // by module level
    std::vector<std::uint32_t> m_globalLevel;      // by variable ref: level in the flat order
    std::uint32_t m_flatBase = 0;                  // flat levels start here, after the module levels
    std::unordered_map<Zbdd::Ref, Zbdd::Ref> m_flat;

    std::vector<std::uint32_t> m_rankOfLevel; // by flat level − m_flatBase: rank of the id
    std::vector<std::uint32_t> m_nodeOfRank;
    std::vector<Vertex> m_vertexOfRank;
    std::unique_ptr<CollateralMeter> m_meter;
    std::vector<std::uint32_t> m_scratch;
    std::vector<Vertex> m_scratchVertices;
};

std::vector<Vertex> Analysis::protectedVertices() const
{
    std::vector<Vertex> out;
    for (const std::string &id : m_options.protect) {
        const auto idx = m_model.indexOf(id);
        if (!idx)
            throw AnalysisError("unknown node '" + id + "' to protect");
        const Vertex v = m_graph.vertexOf(*idx);
        if (v == m_target)
            throw AnalysisError("cannot protect the target '" + id + "' itself");
        out.push_back(v);
    }
    return out;
}

std::vector<std::uint8_t> Analysis::candidates() const
{
    std::vector<std::uint8_t> mask(m_graph.vertexCount(), 0);
    const auto flags = m_ev.rawFlags();
    for (Vertex v = 0; v < m_graph.vertexCount(); ++v) {
        // Blocking a countermeasure that is off changes nothing, so it is never part of a set.
        mask[v] = m_graph.isBlockable(v) && capOf(flags[v], m_graph.isCountermeasure(v)) != 0;
    }
    return mask;
}

CutSetResult Analysis::run()
{
    const auto t0 = Clock::now();
    const std::vector<Vertex> protect = protectedVertices();
    std::vector<std::uint8_t> mask = candidates();
    for (Vertex v : m_cone)
        m_result.reachable = m_result.reachable || mask[v];
    report("logic", 0);
    m_logic = std::make_unique<FailureLogic>(m_graph, m_ev.rawFlags(), std::move(mask));
    Ref root = m_logic->failed(m_target);
    if (root == FailureLogic::kTrue) {
        emitAlreadyFailed();
        return std::move(m_result);
    }
    if (root == FailureLogic::kFalse) {
        notifyCounted();
        return std::move(m_result);
    }
    // One variable, or a circuit: a gate on top makes every case the same.
    root = m_logic->coalesce(root);
    m_logic->mergeCommonArguments(root);
    if (!m_logic->isGate(root))
        root = m_logic->addGate(FailureLogic::Op::Or, {root});
    m_logic->modularize(root);
    m_structure = m_logic->analyse(root);
    m_result.stats.variables = m_structure.variables.size();
    m_result.stats.modules = m_structure.modules.size();
    m_result.stats.logicSeconds = secondsSince(t0);

    const auto t1 = Clock::now();
    m_zbdd = std::make_unique<Zbdd>(limits(m_options.maxNodes, m_options.stop));
    Zbdd::Ref family = solveAll();
    layout();
    if (!protect.empty()) {
        family = m_zbdd->without(flatten(family), protection(protect));
        m_counter = std::make_unique<SetCounter>(*m_zbdd, m_budget);
    }
    report("counting", 0);
    count(family, *m_counter);
    m_result.stats.diagramSeconds = secondsSince(t1);

    const auto t2 = Clock::now();
    m_result.truncated = std::min<std::uint64_t>(m_result.count, m_options.limit) < m_result.count;
    notifyCounted();
    if (m_options.limit > 0 && m_result.count > 0)
        list(protect.empty() ? flatten(family) : family);
    m_result.truncated = m_result.listed < m_result.count;
    m_result.stats.listSeconds = secondsSince(t2);
    m_result.stats.zbddNodes = m_zbdd->nodeCount();
    return std::move(m_result);
}

void Analysis::count(Zbdd::Ref family, SetCounter &counter)
{
    m_result.bySize = counter.count(family);
    m_result.count = 0;
    for (std::uint64_t n : m_result.bySize) {
        if (__builtin_add_overflow(m_result.count, n, &m_result.count))
            throw AnalysisError("more than 18446744073709551615 cut sets: too many to count exactly");
    }
}

void Analysis::notifyCounted()
{
    if (m_sink && m_sink->counted)
        m_sink->counted(m_result);
}

void Analysis::emitAlreadyFailed()
{
    m_result.count = 1;
    m_result.bySize = {1};
    m_result.truncated = m_options.limit == 0;
    notifyCounted();
    if (m_options.limit > 0) {
        emit({}, 0);
        m_result.listed = 1;
    }
}

std::uint32_t Analysis::itemWeight(Ref item) const
{
    const std::uint32_t m = m_structure.moduleIndex[item];
    return m == FailureLogic::kNoLevel ? 1 : m_smallest[m];
}

Zbdd::Ref Analysis::solveAll()
{
    const auto &s = m_structure;
    const std::size_t n = s.modules.size();
    m_family.assign(n, Zbdd::kEmpty);
    m_items.assign(n, {});
    m_smallest.assign(n, 1);
    m_counter = std::make_unique<SetCounter>(*m_zbdd, m_budget);
    std::vector<std::vector<std::uint64_t>> polys(n);
    for (std::size_t i = 0; i < n; ++i) {
        report("diagrams", static_cast<double>(i) / static_cast<double>(n));
        ModuleSolver::Solution solution = solveModule(i);
        m_family[i] = m_zbdd->import(*solution.zbdd, solution.family);
        m_items[i] = std::move(solution.items);
        m_result.stats.bddNodes += solution.bddNodes;
        // A sub-module's level stands for its sets: it counts as their polynomial and weighs as much
        // as the smallest (for the size bound).
        for (std::uint32_t p = 0; p < m_items[i].size(); ++p) {
            const std::uint32_t sub = s.moduleIndex[m_items[i][p]];
            if (sub != FailureLogic::kNoLevel)
                m_counter->substitute(s.base[i] + p, std::move(polys[sub]));
        }
        if (i + 1 == n)
            break;
        polys[i] = m_counter->count(m_family[i]);
        const auto smallest = std::find_if(polys[i].begin(), polys[i].end(), [](std::uint64_t c) { return c != 0; });
        m_smallest[i] = smallest == polys[i].end() ? (m_budget == kUnlimited ? 1 : m_budget + 1)
                                                   : static_cast<std::uint32_t>(smallest - polys[i].begin());
    }
    return m_family[n - 1];
}

ModuleSolver::Solution Analysis::solveModule(std::size_t module)
{
    // No variable order suits every circuit, and a bad one can blow a diagram up a thousandfold.
    // The orders are tried under a node budget that grows round by round. A small first try in
    // SCRAM's order settles the many small modules. The first round gives SCRAM's order and
    // SmallFirst 2^17 nodes each, side by side on two threads when the analysis may use them
    // (on das9207 and jbd9601 SCRAM's order fails there and SmallFirst wins; SmallFirst needs
    // the same budget, or jbd9601 goes on to a 4x larger SCRAM-order BDD). The second round lets
    // either grow to two million nodes, one at a time, taking up the first round's work where it
    // stopped; from the third on every order is tried afresh with four times the budget of the
    // round before. Only at the full budget, where an attempt can take minutes, do all the
    // orders race (see race()).
    const ModuleSolver solver(*m_logic, m_structure, module);
    const auto weight = [this](Ref item) { return itemWeight(item); };
    constexpr Ordering kAll[] = {Ordering::Scram, Ordering::SmallFirst, Ordering::VariablesFirst,
                                 Ordering::LargeFirst};
    const std::span<const Ordering> pair(kAll, 2);
    // The first rounds' attempts are kept to be taken up again; a stop of their own ends the
    // loser of the first round's race.
    LinkedStop stopKept(m_options.stop);
    std::vector<std::unique_ptr<ModuleSolver::Attempt>> kept(pair.size());
    const auto attempt = [&](std::size_t i) -> ModuleSolver::Attempt & {
        if (!kept[i])
            kept[i] = std::make_unique<ModuleSolver::Attempt>(solver, pair[i], 0, stopKept.token(), m_budget,
                                                              weight);
        ++m_result.stats.attempts;
        return *kept[i];
    };
    constexpr std::size_t kFirstTry = std::size_t{1} << 14, kFirstRound = std::size_t{1} << 17;
    try {
        return attempt(0).run(std::min(kFirstTry, m_options.maxNodes));
    } catch (const DiagramTooLarge &) {
        // larger than that: the rounds below
    }
    int round = 0;
    if (m_options.parallel && kFirstRound < m_options.maxNodes) {
        if (auto won = raceFirstRound(attempt(0), attempt(1), kFirstRound, stopKept))
            return std::move(*won);
        round = 1;
    }
    std::size_t budget = round == 0 ? kFirstRound : std::size_t{1} << 21;
    for (;; ++round) {
        budget = std::min(budget, m_options.maxNodes);
        const bool last = budget >= m_options.maxNodes;
        if (last && m_options.parallel) {
            kept.clear();
            try {
                return race(solver, pair);
            } catch (const DiagramTooLarge &) {
                return race(solver, std::span<const Ordering>(kAll).subspan(2));
            }
        }
        // The first two rounds take up where the one before stopped; later ones (and the last
        // round, which tries every order) start afresh and drop what the first rounds kept.
        const bool resume = round < 2 && !last;
        const std::span<const Ordering> orderings = resume ? pair : std::span<const Ordering>(kAll);
        if (!resume)
            kept.clear();
        for (std::size_t i = 0; i < orderings.size(); ++i) {
            try {
                if (resume)
                    return attempt(i).run(budget);
                ++m_result.stats.attempts;
                return solver.solve(orderings[i], 0, limits(budget, m_options.stop), m_budget, weight);
            } catch (const DiagramTooLarge &) {
                if (last && i + 1 == orderings.size())
                    throw;
            }
        }
        budget = round == 0 ? std::size_t{1} << 21 : round == 1 ? std::size_t{1} << 23 : budget * 4;
    }
}

std::optional<ModuleSolver::Solution> Analysis::raceFirstRound(ModuleSolver::Attempt &first,
                                                               ModuleSolver::Attempt &second, std::size_t budget,
                                                               LinkedStop &stopKept)
{
    // Each attempt on a thread of its own; the first to finish within the budget stops the other.
    // When neither does, both stay ready to be taken up again.
    std::mutex mutex;
    std::optional<ModuleSolver::Solution> winner;
    std::exception_ptr errors[2];
    const auto run = [&](ModuleSolver::Attempt &a, std::exception_ptr &error) {
        try {
            ModuleSolver::Solution s = a.run(budget);
            const std::lock_guard lock(mutex);
            if (!winner) {
                winner = std::move(s);
                stopKept.stop();
            }
        } catch (const DiagramTooLarge &) {
            // over the budget: the next round takes it up
        } catch (const Cancelled &) {
            // the other attempt won, or the analysis was cancelled
        } catch (...) {
            error = std::current_exception();
        }
    };
    {
        DeepThread other(m_stackBytes, [&] { run(second, errors[1]); });
        run(first, errors[0]);
    }
    if (winner)
        return winner;
    rethrowAfterRace(errors);
    return std::nullopt;
}

void Analysis::rethrowAfterRace(std::span<const std::exception_ptr> errors) const
{
    if (m_options.stop.stop_requested())
        throw Cancelled();
    for (const std::exception_ptr &e : errors) {
        if (e)
            std::rethrow_exception(e);
    }
}

ModuleSolver::Solution Analysis::race(const ModuleSolver &solver, std::span<const Ordering> orderings)
{
    // The orders race on threads of their own at the full budget; the first to finish wins.
    const auto weight = [this](Ref item) { return itemWeight(item); };
    LinkedStop finished(m_options.stop);
    std::mutex mutex;
    ModuleSolver::Solution winner;
    bool won = false;
    std::vector<std::exception_ptr> errors(orderings.size());
    {
        std::vector<std::unique_ptr<DeepThread>> threads;
        for (std::size_t i = 0; i < orderings.size(); ++i) {
            threads.push_back(std::make_unique<DeepThread>(m_stackBytes, [&, i] {
                try {
                    ModuleSolver::Solution s = solver.solve(
                        orderings[i], 0, limits(m_options.maxNodes, finished.token()), m_budget, weight);
                    std::lock_guard lock(mutex);
                    if (!won) {
                        won = true;
                        winner = std::move(s);
                        finished.stop();
                    }
                } catch (const Cancelled &) {
                    // another order won, or the analysis was cancelled
                } catch (...) {
                    errors[i] = std::current_exception();
                }
            }));
        }
        m_result.stats.attempts += orderings.size();
    }
    if (won)
        return winner;
    rethrowAfterRace(errors);
    throw Cancelled();
}

void Analysis::layout()
{
    // The flat order: a module's own variables, in the order it was solved in, come before the
    // variables of the modules inside it. flatten() then puts a variable above a sub-module's
    // family at the cost of one node. The other way round (a sub-module's variables in place of
    // its level) each module of a chain of n nested ones rebuilt the whole family below it:
    // n²/2 nodes in all, 8 GB for a chain of 40,000 alternating gates.
    const auto &s = m_structure;
    m_itemAtLevel.assign(s.levelCount, FailureLogic::kNoLevel);
    for (std::size_t m = 0; m < s.modules.size(); ++m) {
        for (std::uint32_t p = 0; p < m_items[m].size(); ++p)
            m_itemAtLevel[s.base[m] + p] = m_items[m][p];
    }
    m_flatBase = s.levelCount;
    m_globalLevel.assign(m_logic->size(), FailureLogic::kNoLevel);
    std::uint32_t next = m_flatBase;
    std::vector<std::size_t> modules{s.modules.size() - 1};
    while (!modules.empty()) {
        const std::size_t m = modules.back();
        modules.pop_back();
        for (Ref item : m_items[m]) {
            if (s.moduleIndex[item] == FailureLogic::kNoLevel)
                m_globalLevel[item] = next++;
        }
        for (auto it = m_items[m].rbegin(); it != m_items[m].rend(); ++it) {
            if (s.moduleIndex[*it] != FailureLogic::kNoLevel)
                modules.push_back(s.moduleIndex[*it]); // popped in the module's order
        }
    }
}

Zbdd::Ref Analysis::flatten(Zbdd::Ref z)
{
    if (m_zbdd->isTerminal(z))
        return z;
    if (auto it = m_flat.find(z); it != m_flat.end())
        return it->second;
    const Ref item = m_itemAtLevel[m_zbdd->level(z)];
    const Zbdd::Ref low = flatten(m_zbdd->low(z));
    const Zbdd::Ref high = flatten(m_zbdd->high(z));
    const std::uint32_t sub = m_structure.moduleIndex[item];
    const Zbdd::Ref result = sub == FailureLogic::kNoLevel
                                 ? m_zbdd->make(m_globalLevel[item], low, high)
                                 : m_zbdd->unite(m_zbdd->product(flatten(m_family[sub]), high), low);
    m_flat.emplace(z, result);
    return result;
}

Zbdd::Ref Analysis::protection(std::span<const Vertex> protect)
{
    // Only the target's own variables can matter: a set that changes a protected node through
    // other blocks is no cut set of the target anyway.
    std::vector<std::uint8_t> support(m_graph.vertexCount(), 0);
    std::vector<std::uint32_t> levelOfVertex(m_graph.vertexCount(), kNone);
    for (Ref v : m_structure.variables) {
        support[m_logic->node(v).vertex] = 1;
        levelOfVertex[m_logic->node(v).vertex] = m_globalLevel[v];
    }
    FailureLogic logic(m_graph, m_ev.rawFlags(), std::move(support));
    std::vector<Ref> changes;
    for (Vertex p : protect) {
        const State s = m_ev.state(p);
        if (s == State::Ok)
            changes.push_back(logic.notOk(p));
        else if (s == State::Degraded)
            changes.push_back(logic.failed(p));
    }
    const Ref any = logic.anyOf(std::move(changes));
    if (any == FailureLogic::kFalse || any == FailureLogic::kTrue)
        return any == FailureLogic::kTrue ? Zbdd::kBase : Zbdd::kEmpty;
    Bdd bdd(limits(m_options.maxNodes, m_options.stop));
    std::vector<Bdd::Ref> bddOf(logic.size(), Bdd::kFalse);
    auto argBdd = [&](Ref a) {
        return logic.isVariable(a) ? bdd.variable(levelOfVertex[logic.node(a).vertex]) : bddOf[a];
    };
    for (Ref g : logic.postOrder(any)) {
        const FailureLogic::Node &n = logic.node(g);
        std::vector<Bdd::Ref> args;
        for (Ref a : n.args)
            args.push_back(argBdd(a));
        bddOf[g] = n.op == FailureLogic::Op::AtLeast ? bdd.atLeast(n.k, args)
                                                     : bdd.fold(n.op == FailureLogic::Op::Or, std::move(args));
    }
    m_zbdd->clearMinimalCache();
    return m_zbdd->minimalSolutions(bdd, argBdd(any), m_budget, [](std::uint32_t) { return 1u; });
}

void Analysis::list(Zbdd::Ref family)
{
    // Support variables ranked by id, so that sets compare by their ids.
    std::vector<Ref> vars = m_structure.variables;
    std::sort(vars.begin(), vars.end(), [&](Ref a, Ref b) {
        return m_model.nodes[m_graph.nodeOf(m_logic->node(a).vertex)].id <
               m_model.nodes[m_graph.nodeOf(m_logic->node(b).vertex)].id;
    });
    m_rankOfLevel.assign(vars.size(), kNone);
    for (std::uint32_t r = 0; r < vars.size(); ++r) {
        const Vertex v = m_logic->node(vars[r]).vertex;
        m_rankOfLevel[m_globalLevel[vars[r]] - m_flatBase] = r;
        m_nodeOfRank.push_back(static_cast<std::uint32_t>(m_graph.nodeOf(v)));
        m_vertexOfRank.push_back(v);
    }
    auto meter = std::make_unique<CollateralMeter>(m_model, m_ev, m_target);
    if (meter->matters(m_vertexOfRank)) {
        m_meter = std::move(meter);
        m_result.collateralComputed = true;
    }
    SetCounter counter(*m_zbdd, m_budget);
    const std::vector<std::uint64_t> bySize = counter.count(family);
    for (std::uint32_t s = 0; s < bySize.size() && m_result.listed < m_options.limit; ++s) {
        if (bySize[s] == 0)
            continue;
        const std::size_t take = static_cast<std::size_t>(
            std::min<std::uint64_t>(bySize[s], m_options.limit - m_result.listed));
        listSize(counter, family, s, take);
    }
}

void Analysis::listSize(SetCounter &counter, Zbdd::Ref family, std::uint32_t size, std::size_t take)
{
    const std::uint64_t n = counter.countOfSize(family, size);
    // Picking the first few of a size means holding every set of that size (and, with users to
    // lose, measuring each one's collateral): past these bounds that is gigabytes or minutes
    // for a handful of lines, so the analysis says so instead. Listing them all is not bounded
    // here: the output is as large.
    constexpr std::uint64_t kMaxOrdered = 200'000'000;
    constexpr std::uint64_t kMaxOrderedBlocks = std::uint64_t{1} << 28; // 1 GB of ranks
    constexpr std::uint64_t kMaxMeasured = std::uint64_t{1} << 21;
    if (take < n && (n > kMaxOrdered || n * size > kMaxOrderedBlocks || (m_meter && n > kMaxMeasured)))
        throw AnalysisError("too many cut sets of size " + std::to_string(size) + " (" + std::to_string(n) +
                            ") to put in order; use --max-size " + std::to_string(size ? size - 1 : 0) +
                            " or list them all");
    std::vector<std::uint32_t> ranks;
    ranks.reserve(static_cast<std::size_t>(n) * size);
    std::size_t seen = 0;
    counter.forEachOfSize(family, size, [&](std::span<const std::uint32_t> levels) {
        const std::size_t begin = ranks.size();
        for (std::uint32_t l : levels)
            ranks.push_back(m_rankOfLevel[l - m_flatBase]);
        std::sort(ranks.begin() + static_cast<std::ptrdiff_t>(begin), ranks.end());
        if ((++seen & 0xFFFF) == 0)
            report("listing", static_cast<double>(m_result.listed) / static_cast<double>(m_options.limit));
        return true;
    });
    std::vector<std::int64_t> collateral;
    if (m_meter) {
        collateral.resize(static_cast<std::size_t>(n));
        for (std::size_t i = 0; i < n; ++i) {
            m_scratchVertices.clear();
            for (std::size_t j = 0; j < size; ++j)
                m_scratchVertices.push_back(m_vertexOfRank[ranks[i * size + j]]);
            collateral[i] = m_meter->measure(m_scratchVertices);
        }
    }
    const auto less = [&](std::uint32_t a, std::uint32_t b) {
        if (!collateral.empty() && collateral[a] != collateral[b])
            return collateral[a] < collateral[b];
        return std::lexicographical_compare(ranks.begin() + a * size, ranks.begin() + (a + 1) * size,
                                            ranks.begin() + b * size, ranks.begin() + (b + 1) * size);
    };
    std::vector<std::uint32_t> order;
    if (take < n / 16) {
        // A few of many: a partial sort touches most sets once.
        order.resize(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0u);
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(take), order.end(), less);
    } else if (n < m_nodeOfRank.size()) {
        // Fewer sets than ids (one set of 200,000 blocks): a counting pass per position would cost
        // the number of ids each time, and a comparison sort is the cheaper one.
        order.resize(static_cast<std::size_t>(n));
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), less);
    } else {
        // Most or all of them: by ids in linear time, then (stably) by collateral.
        order = lexicographicOrder(ranks, static_cast<std::size_t>(n), size, m_nodeOfRank.size());
        if (!collateral.empty())
            std::stable_sort(order.begin(), order.end(),
                             [&](std::uint32_t a, std::uint32_t b) { return collateral[a] < collateral[b]; });
    }
    for (std::size_t i = 0; i < take; ++i) {
        const std::uint32_t k = order[i];
        emit({ranks.data() + std::size_t{k} * size, size}, collateral.empty() ? 0 : collateral[k]);
    }
}

void Analysis::emit(std::span<const std::uint32_t> ranks, std::int64_t collateral)
{
    m_scratch.clear();
    for (std::uint32_t r : ranks)
        m_scratch.push_back(m_nodeOfRank[r]);
    ++m_result.listed;
    if (m_sink)
        m_sink->set(m_scratch, collateral);
    else
        m_result.cutSets.push_back(CutSet{m_scratch, collateral});
}

} // namespace

CutSetResult computeCutSets(const Model &model, const Evaluator &evaluator, std::size_t targetNode,
                            const CutSetOptions &options, const CutSetSink *sink)
{
    if (targetNode >= model.nodes.size())
        throw AnalysisError("unknown target");
    Analysis analysis(model, evaluator, targetNode, options, sink);
    return runOnDeepStack(analysis.stackBytes(), [&] { return analysis.run(); });
}

} // namespace chokepoint
