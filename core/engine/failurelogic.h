#pragma once

#include "engine/graph.h"

#include <cstdint>
#include <span>
#include <unordered_map>
#include <vector>

namespace chokepoint {

/**
 * The two-valued logic of failure under a scenario, as a Boolean circuit over "this vertex is
 * blocked" variables (DESIGN.md §3, "Cut sets"): what further blocks make a vertex `failed`, or
 * make it anything but `ok`. Both are monotone: more blocks never help.
 *
 * - failed(v) = blocked(v) ∨ the gate over the hard and fallback dependencies: `all` fails when
 *   one fails, `any` when all do, at-least-k of m when m−k+1 do; with none it never fails. A
 *   blocked vertex or a countermeasure left off is constant failed; soft dependencies and
 *   throttles play no part.
 * - notOk(v) = blocked(v) ∨ (fewer than k hard dependencies ok) ∨ (a soft dependency not ok), and
 *   constant true when v is throttled, blocked or a countermeasure left off. Fallbacks never make
 *   a vertex ok, so they play no part here.
 *
 * Only the vertices marked in `variables` become variables; the blocks of all others stay as the
 * scenario has them. Building folds constants, drops duplicate arguments, turns one-argument
 * gates into their argument and shares structurally equal gates.
 */
class FailureLogic
{
public:
    using Ref = std::uint32_t;
    static constexpr Ref kFalse = 0;
    static constexpr Ref kTrue = 1;
    static constexpr std::uint32_t kNoLevel = 0xFFFFFFFFu;

    enum class Op : std::uint8_t { Constant, Variable, Or, And, AtLeast };
    struct Node
    {
        Op op = Op::Constant;
        std::uint32_t k = 0; ///< AtLeast: how many arguments must be true (1 < k < args.size())
        Vertex vertex = 0;   ///< Variable: the vertex whose block it stands for
        std::vector<Ref> args;
    };

    FailureLogic(const Graph &graph, std::span<const std::uint8_t> flags, std::vector<std::uint8_t> variables);

    Ref failed(Vertex v);
    Ref notOk(Vertex v);
    Ref anyOf(std::vector<Ref> args) { return threshold(1, std::move(args)); }
    /// A new gate, not shared and not simplified.
    Ref addGate(Op op, std::vector<Ref> args);

    const Node &node(Ref r) const { return m_nodes[r]; }
    bool isGate(Ref r) const { return m_nodes[r].op >= Op::Or; }
    bool isVariable(Ref r) const { return m_nodes[r].op == Op::Variable; }
    std::size_t size() const { return m_nodes.size(); }

    /// Merges an OR gate into the OR gates using it (AND into AND) when it has no other parent
    /// below `root`. Returns the root, which may itself change. A merged gate is left with no
    /// arguments, so only the circuit below the returned root is whole afterwards. Time and
    /// memory are linear in the circuit, however deep its chains.
    Ref coalesce(Ref root);

    /**
     * Moves a group of arguments that several OR gates (or several AND gates) below `root` all
     * have into one new gate they share (SCRAM's "merge common arguments"), repeatedly, the
     * group that saves the most edges first. Variables that were spread over many gates then
     * sit under one, which can become a module of its own.
     */
    void mergeCommonArguments(Ref root);

    /**
     * Regroups the arguments of OR and AND gates below `root` into new sub-gates that are modules
     * (SCRAM's "create new modules", after Dutuit and Rauzy): the arguments used by no other gate,
     * and the groups of arguments whose sub-circuits touch nothing outside the gate and share
     * nothing with its other arguments. More, smaller modules mean smaller diagrams.
     */
    void modularize(Ref root);

    /**
     * The modules below a root: gates that share no descendant with the rest of the circuit
     * (Dutuit and Rauzy's linear algorithm). Each module is solved on its own, with its variables
     * and the modules directly inside it (its "items") as the variables of its diagrams; every
     * module has its own range of levels, so diagrams of different modules never mix.
     */
    struct Structure
    {
        std::vector<Ref> modules;                ///< each after the modules inside it; the root last
        std::vector<std::uint8_t> isModule;      ///< by ref
        std::vector<std::uint32_t> moduleIndex;  ///< by ref: position in `modules`, or kNoLevel
        std::vector<std::uint32_t> parents;      ///< by ref: how many gates below the root use it
        std::vector<double> weight;              ///< by ref: size of the sub-circuit, shared parts repeated
        std::vector<std::vector<Ref>> items;     ///< by module: its variables and direct sub-modules
        std::vector<std::uint32_t> base;         ///< by module: its first level
        std::uint32_t levelCount = 0;            ///< levels of all modules together
        std::vector<Ref> variables;              ///< every variable below the root
    };
    /// Finds the modules below `root` and their items (none when `root` is not a gate).
    Structure analyse(Ref root) const;

    /**
     * Ways to order a module's items for its diagrams, all depth first from the module's gate. No
     * static order suits every circuit (Bouissou, Bruyère and Rauzy compared many; a bad one can
     * blow a diagram up a thousandfold), so the analysis tries several.
     */
    enum class Ordering {
        Scram,          ///< gate arguments first, then variables, each by most parents (SCRAM's)
        SmallFirst,     ///< gate arguments with the smallest sub-circuit first, then variables
        VariablesFirst, ///< a gate's variables (most parents first) before its gate arguments
        LargeFirst,     ///< gate arguments with the largest sub-circuit first, then variables
        Random,         ///< shuffled, from `seed`
    };
    /// The items of module `module` (an index into s.modules) in the order `ordering` gives.
    std::vector<Ref> orderItems(const Structure &s, std::size_t module, Ordering ordering,
                                std::uint32_t seed = 0) const;

    /// Gates reachable from `root`, each after its arguments.
    std::vector<Ref> postOrder(Ref root) const;

private:
    Ref variable(Vertex v);
    /// Moves `moved` (arguments of `gate`) into a new gate of the same kind, used by `gate`.
    Ref extract(Ref gate, const std::vector<Ref> &moved);
    struct VisitTimes
    {
        std::vector<std::uint32_t> enter, exit, first, last; ///< by ref
        std::vector<std::uint32_t> low, high; ///< by ref: first and last visit of it and all below it
        std::vector<std::uint8_t> module;     ///< by ref: all below the gate is visited inside it
    };
    VisitTimes visitTimes(Ref root, const std::vector<Ref> &order) const;
    Ref threshold(long k, std::vector<Ref> args);
    Ref make(Op op, std::uint32_t k, std::vector<Ref> args);
    Ref buildFailed(Vertex v);
    Ref buildNotOk(Vertex v);
    static std::uint64_t hashOf(Op op, std::uint32_t k, const std::vector<Ref> &args);

    const Graph &m_graph;
    std::span<const std::uint8_t> m_flags;
    std::vector<std::uint8_t> m_variables;
    std::vector<Node> m_nodes;
    std::vector<Ref> m_failed;   // by vertex; kUnset until built
    std::vector<Ref> m_notOk;    // by vertex
    std::vector<Ref> m_variable; // by vertex
    std::unordered_multimap<std::uint64_t, Ref> m_shared;
};

} // namespace chokepoint
