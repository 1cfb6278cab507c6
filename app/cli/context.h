#pragma once

#include "engine/evaluator.h"
#include "engine/selection.h"
#include "io/modelfile.h"

#include <boost/program_options.hpp>

#include <cstdint>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace chokepoint::cli {

/// A bad command line: reported with the usage hint, exit code 2.
struct UsageError : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

/// An option that takes a whole number (--max-size, --limit, --step…). Boost parses an unsigned
/// option with a cast that turns "-1" into 18446744073709551615; this type takes digits only.
struct WholeNumber
{
    std::uint64_t value = 0;
};

/// Boost.Program_options' hook for WholeNumber (found by argument-dependent lookup).
void validate(boost::any &v, const std::vector<std::string> &values, WholeNumber *, int);

/// What a command gets: the parsed options, the positional arguments after the command, and
/// where to write. Commands throw UsageError, InputError or AnalysisError; run() maps them to
/// exit codes in one place.
struct Context
{
    boost::program_options::variables_map vm;
    std::vector<std::string> positional; ///< after the command
    std::ostream &out;
    std::ostream &err;

    std::string format() const { return vm["format"].as<std::string>(); }
    /// Positional argument `i`, or UsageError naming `what` when it is missing.
    std::string file(std::size_t i, const char *what) const;
    /// UsageError when there are more than `n` positional arguments.
    void expectPositional(std::size_t n) const;
    template <typename T> T get(const char *name) const { return vm[name].as<T>(); }
    /// The value of a WholeNumber option.
    std::uint64_t number(const char *name) const { return vm[name].as<WholeNumber>().value; }
};

/// The loaded model with the selected scenario (and the command line's actions) evaluated.
struct Evaluated
{
    DocumentData doc;
    Selection selection;
    std::unique_ptr<Graph> graph;
    std::unique_ptr<Evaluator> evaluator;
};

/// The actions given with --block, --throttle and --enable.
Actions extraActions(const Context &ctx);

/// Loads `path` and evaluates the scenario options; an unknown scenario or an action the model
/// cannot take is a UsageError.
Evaluated evaluate(const Context &ctx, const std::string &path);

} // namespace chokepoint::cli
