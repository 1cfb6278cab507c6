#include "util/problem.h"

namespace chokepoint {
namespace {

std::string joinProblems(const Problems &problems)
{
    std::string text;
    for (const Problem &p : problems) {
        if (!text.empty())
            text += '\n';
        text += p.toString();
    }
    return text;
}

} // namespace

std::string Problem::toString() const
{
    std::string text = file.empty() ? std::string("<input>") : file;
    if (line > 0)
        text += ':' + std::to_string(line);
    text += ": ";
    if (!node.empty())
        text += subject + " '" + node + "': ";
    text += message;
    return text;
}

InputError::InputError(Problems problems)
    : std::runtime_error(joinProblems(problems)), m_problems(std::move(problems))
{
}

InputError::InputError(std::string file, std::string message, int line, std::string node)
    : InputError(Problems{Problem{std::move(file), std::move(node), line, std::move(message)}})
{
}

} // namespace chokepoint
