#include "engine/modulesolver.h"

#include <algorithm>

namespace chokepoint {

ModuleSolver::ModuleSolver(const FailureLogic &logic, const FailureLogic::Structure &structure, std::size_t module)
    : m_logic(logic), m_structure(structure), m_module(module)
{
    // The gates of the region, each after its arguments, without entering the modules inside it.
    const Ref top = structure.modules[module];
    std::vector<std::pair<Ref, std::size_t>> stack{{top, 0}};
    m_position.emplace(top, 0);
    while (!stack.empty()) {
        const Ref g = stack.back().first;
        const std::size_t i = stack.back().second;
        const auto &args = logic.node(g).args;
        if (i < args.size()) {
            ++stack.back().second;
            const Ref a = args[i];
            if (logic.isGate(a) && !structure.isModule[a] && m_position.emplace(a, 0).second)
                stack.emplace_back(a, 0);
        } else {
            m_position[g] = static_cast<std::uint32_t>(m_gates.size());
            m_gates.push_back(g);
            stack.pop_back();
        }
    }
}

ModuleSolver::Solution ModuleSolver::solve(FailureLogic::Ordering ordering, std::uint32_t seed,
                                           const DiagramLimits &limits, std::uint32_t sizeBound,
                                           const std::function<std::uint32_t(Ref)> &itemWeight) const
{
    Attempt attempt(*this, ordering, seed, limits.stop, sizeBound, itemWeight);
    return attempt.run(limits.maxNodes);
}

ModuleSolver::Attempt::Attempt(const ModuleSolver &solver, FailureLogic::Ordering ordering,
                               std::uint32_t seed, std::stop_token stop, std::uint32_t sizeBound,
                               const std::function<std::uint32_t(Ref)> &itemWeight)
    : m_solver(solver), m_stop(stop), m_sizeBound(sizeBound),
      m_items(solver.m_logic.orderItems(solver.m_structure, solver.m_module, ordering, seed)),
      m_weights(m_items.size(), 1), m_bdd(DiagramLimits{0, stop}), m_done(solver.m_gates.size(), Bdd::kFalse)
{
    const std::uint32_t base = solver.m_structure.base[solver.m_module];
    for (std::uint32_t i = 0; i < m_items.size(); ++i) {
        m_levelOf.emplace(m_items[i], base + i);
        if (sizeBound != kUnlimited)
            m_weights[i] = itemWeight(m_items[i]);
    }
}

ModuleSolver::Solution ModuleSolver::Attempt::run(std::size_t maxNodes)
{
    m_bdd.setMaxNodes(maxNodes);
    for (; m_next < m_done.size(); ++m_next)
        m_done[m_next] = m_solver.gateBdd(m_bdd, m_solver.m_gates[m_next], m_levelOf, m_done);
    Solution solution;
    solution.items = m_items;
    solution.bddNodes = m_bdd.nodeCount();
    solution.zbdd = std::make_unique<Zbdd>(DiagramLimits{maxNodes, m_stop});
    // On the large Aralia trees the minimal solutions take about half as many nodes as the BDD.
    solution.zbdd->reserve(m_bdd.nodeCount() / 2);
    const std::uint32_t base = m_solver.m_structure.base[m_solver.m_module];
    solution.family = solution.zbdd->minimalSolutions(
        m_bdd, m_done.back(), m_sizeBound, [&](std::uint32_t level) { return m_weights[level - base]; });
    return solution;
}

Bdd::Ref ModuleSolver::gateBdd(Bdd &bdd, Ref gate, const std::unordered_map<Ref, std::uint32_t> &levelOf,
                               const std::vector<Bdd::Ref> &done) const
{
    const FailureLogic::Node &n = m_logic.node(gate);
    std::vector<Bdd::Ref> args;
    args.reserve(n.args.size());
    for (Ref a : n.args) {
        const auto item = levelOf.find(a);
        args.push_back(item != levelOf.end() ? bdd.variable(item->second) : done[m_position.at(a)]);
    }
    if (n.op == FailureLogic::Op::AtLeast)
        return bdd.atLeast(n.k, args);
    const bool isOr = n.op == FailureLogic::Op::Or;
    if (args.size() >= 5 && args.size() <= 32) {
        // All arguments in one pass (Bdd::combine), which makes none of the partial results that
        // folding them one at a time does. With fewer arguments there are few partial results to
        // save; with more, each state of the pass costs too much. The pass gives up past twice
        // as many states as the arguments have nodes, and the gate is folded as below.
        std::size_t nodes = 0;
        for (Bdd::Ref a : args)
            nodes += bdd.size(a);
        if (const auto f = bdd.combine(isOr, args, 2 * nodes + 64))
            return *f;
    }
    return bdd.fold(isOr, std::move(args));
}

} // namespace chokepoint
