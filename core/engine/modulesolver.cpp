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
    Solution solution;
    solution.items = m_logic.orderItems(m_structure, m_module, ordering, seed);
    const std::uint32_t base = m_structure.base[m_module];
    std::unordered_map<Ref, std::uint32_t> levelOf;
    std::vector<std::uint32_t> weights(solution.items.size(), 1);
    for (std::uint32_t i = 0; i < solution.items.size(); ++i) {
        levelOf.emplace(solution.items[i], base + i);
        if (sizeBound != kUnlimited)
            weights[i] = itemWeight(solution.items[i]);
    }

    Bdd bdd(limits);
    std::vector<Bdd::Ref> done(m_gates.size(), Bdd::kFalse);
    for (std::size_t i = 0; i < m_gates.size(); ++i)
        done[i] = gateBdd(bdd, m_gates[i], levelOf, done);
    solution.bddNodes = bdd.nodeCount();
    solution.zbdd = std::make_unique<Zbdd>(limits);
    solution.family = solution.zbdd->minimalSolutions(bdd, done.back(), sizeBound, [&](std::uint32_t level) {
        return weights[level - base];
    });
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
    // Combine from the bottom of the order up: the deepest functions first.
    std::sort(args.begin(), args.end(), [&](Bdd::Ref x, Bdd::Ref y) { return bdd.level(x) > bdd.level(y); });
    Bdd::Ref f = args.front();
    for (std::size_t i = 1; i < args.size(); ++i)
        f = n.op == FailureLogic::Op::Or ? bdd.disjunction(f, args[i]) : bdd.conjunction(f, args[i]);
    return f;
}

} // namespace chokepoint
