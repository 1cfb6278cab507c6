// Bdd::combine, the one-pass AND or OR of many functions, against folding them one at a time.
// Both build reduced ordered diagrams in one store, so equal functions are the same node: the
// results must be equal references.

#include "engine/bdd.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace chokepoint {
namespace {

using Ref = Bdd::Ref;

/// A random monotone function of `variables` variables: an OR of ANDs of a few of them.
Ref randomFunction(Bdd &bdd, std::mt19937 &random, std::uint32_t variables)
{
    const int terms = 1 + static_cast<int>(random() % 4);
    Ref f = Bdd::kFalse;
    for (int t = 0; t < terms; ++t) {
        Ref term = Bdd::kTrue;
        const int width = 1 + static_cast<int>(random() % 3);
        for (int i = 0; i < width; ++i)
            term = bdd.conjunction(term, bdd.variable(random() % variables));
        f = bdd.disjunction(f, term);
    }
    return f;
}

Ref fold(Bdd &bdd, bool disjunction, const std::vector<Ref> &args)
{
    Ref f = disjunction ? Bdd::kFalse : Bdd::kTrue;
    for (Ref a : args)
        f = disjunction ? bdd.disjunction(f, a) : bdd.conjunction(f, a);
    return f;
}

TEST(BddCombine, EqualsFoldingOnRandomArguments)
{
    std::mt19937 random(20261202);
    for (int round = 0; round < 3000; ++round) {
        Bdd bdd;
        const std::uint32_t variables = 2 + random() % 12;
        std::vector<Ref> args;
        const int count = static_cast<int>(random() % 12); // none to eleven, repeats and constants too
        for (int i = 0; i < count; ++i) {
            const unsigned kind = random() % 10;
            args.push_back(kind == 0   ? Bdd::kFalse
                           : kind == 1 ? Bdd::kTrue
                           : kind == 2 && !args.empty() ? args[random() % args.size()]
                                                        : randomFunction(bdd, random, variables));
        }
        const bool disjunction = random() % 2 == 0;
        const auto combined = bdd.combine(disjunction, args, 1u << 20);
        ASSERT_TRUE(combined.has_value()) << "round " << round;
        EXPECT_EQ(*combined, fold(bdd, disjunction, args)) << "round " << round;
    }
}

TEST(BddCombine, AWideOrOfProductsMakesOnlyTheResultsNodes)
{
    // (x0 ∧ x1) ∨ (x2 ∧ x3) ∨ … over 20 variables.
    Bdd bdd;
    std::vector<Ref> products;
    for (std::uint32_t i = 0; i < 10; ++i)
        products.push_back(bdd.conjunction(bdd.variable(2 * i), bdd.variable(2 * i + 1)));
    const std::size_t before = bdd.nodeCount();
    const auto combined = bdd.combine(true, products, 1000);
    ASSERT_TRUE(combined.has_value());
    // Two new nodes for each product but the last, which the result shares as it is.
    EXPECT_EQ(bdd.nodeCount() - before, 18u);
    EXPECT_EQ(bdd.size(*combined), 20u);
    const std::size_t combinedStore = bdd.nodeCount();
    EXPECT_EQ(fold(bdd, true, products), *combined);

    // Folding in a store of its own makes the partial results as well: more nodes.
    Bdd alone;
    std::vector<Ref> again;
    for (std::uint32_t i = 0; i < 10; ++i)
        again.push_back(alone.conjunction(alone.variable(2 * i), alone.variable(2 * i + 1)));
    EXPECT_EQ(alone.size(fold(alone, true, again)), 20u);
    EXPECT_GT(alone.nodeCount(), combinedStore);
}

TEST(BddCombine, GivesUpPastItsStateBoundAndLeavesTheStoreUsable)
{
    Bdd bdd;
    std::vector<Ref> args;
    for (std::uint32_t i = 0; i < 6; ++i)
        args.push_back(bdd.disjunction(bdd.variable(i), bdd.variable(i + 6)));
    EXPECT_FALSE(bdd.combine(false, args, 3).has_value());
    const auto combined = bdd.combine(false, args, 1u << 16);
    ASSERT_TRUE(combined.has_value());
    EXPECT_EQ(*combined, fold(bdd, false, args));
}

TEST(BddCombine, ConstantsFoldAway)
{
    Bdd bdd;
    const Ref x = bdd.variable(0), y = bdd.variable(1);
    EXPECT_EQ(bdd.combine(true, std::vector<Ref>{x, Bdd::kTrue, y}, 10), Bdd::kTrue);
    EXPECT_EQ(bdd.combine(false, std::vector<Ref>{x, Bdd::kFalse, y}, 10), Bdd::kFalse);
    EXPECT_EQ(bdd.combine(false, std::vector<Ref>{x, Bdd::kTrue, y, x}, 10), bdd.conjunction(x, y));
    EXPECT_EQ(bdd.combine(true, std::vector<Ref>{}, 10), Bdd::kFalse);
    EXPECT_EQ(bdd.combine(false, std::vector<Ref>{}, 10), Bdd::kTrue);
    EXPECT_EQ(bdd.combine(true, std::vector<Ref>{y, Bdd::kFalse, y}, 10), y);
}

} // namespace
} // namespace chokepoint
