#include "context.h"

namespace chokepoint::cli {

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
    const std::size_t steps = ctx.vm.count("step") ? ctx.get<std::size_t>("step") : static_cast<std::size_t>(-1);
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
