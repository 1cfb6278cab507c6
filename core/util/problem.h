#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace chokepoint {

/// One thing wrong with an input: where (file, node or scenario id, line) and what.
struct Problem
{
    std::string file;
    std::string node;    ///< node or scenario the problem is about; empty when none applies
    int line = 0;        ///< 1-based line in the file; 0 when unknown
    std::string message; ///< what is wrong, in a sentence
    std::string subject = "node"; ///< what `node` names: "node" or "scenario"

    /// "file:line: node 'x': message", leaving out what is unknown.
    std::string toString() const;
};

using Problems = std::vector<Problem>;

/// Thrown by loaders when an input file cannot be turned into a valid model.
class InputError : public std::runtime_error
{
public:
    explicit InputError(Problems problems);
    InputError(std::string file, std::string message, int line = 0, std::string node = {});

    const Problems &problems() const { return m_problems; }

private:
    Problems m_problems;
};

/// Thrown when an analysis cannot be done as asked (unknown target, bad option value).
class AnalysisError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

} // namespace chokepoint
