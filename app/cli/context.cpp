#include "context.h"

#include <charconv>

namespace chokepoint::cli {

void validate(boost::any &v, const std::vector<std::string> &values, WholeNumber *, int)
{
    namespace po = boost::program_options;
    po::validators::check_first_occurrence(v);
    const std::string &text = po::validators::get_single_string(values);
    WholeNumber n;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n.value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw po::invalid_option_value(text);
    v = n;
}

std::string Context::file(std::size_t i, const char *what) const
{
    if (positional.size() <= i)
        throw UsageError(std::string("missing ") + what);
    return positional[i];
}

void Context::expectPositional(std::size_t n) const
{
    if (positional.size() > n)
        throw UsageError("unexpected argument '" + positional[n] + "'");
}

Actions extraActions(const Context &ctx)
{
    Actions actions;
    auto add = [&](const char *option, ActionType type) {
        if (ctx.vm.count(option)) {
            for (const std::string &id : ctx.vm[option].as<std::vector<std::string>>())
                actions.push_back(Action{id, type, Json::object()});
        }
    };
    add("block", ActionType::Block);
    add("throttle", ActionType::Throttle);
    add("enable", ActionType::Enable);
    return actions;
}

Evaluated evaluate(const Context &ctx, const std::string &path)
{
    Evaluated e;
    e.doc = loadModelFile(path);
    const std::size_t steps = ctx.vm.count("step") ? ctx.number("step") : static_cast<std::size_t>(-1);
    try {
        e.selection = select(e.doc.model, ctx.get<std::string>("scenario"), extraActions(ctx), steps);
    } catch (const AnalysisError &error) {
        throw UsageError(error.what()); // a scenario or action named on the command line
    }
    e.graph = std::make_unique<Graph>(e.doc.model);
    e.evaluator = std::make_unique<Evaluator>(*e.graph);
    e.evaluator->setActions(e.doc.model, e.selection.actions);
    return e;
}

} // namespace chokepoint::cli
