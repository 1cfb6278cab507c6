#include "output.h"

#include "io/csv.h"
#include "report/tables.h"

#include <cstdio>
#include <iomanip>
#include <ostream>

namespace chokepoint::cli {
namespace {

void printCountsRow(std::ostream &out, const std::string &label, const StateCounts &c)
{
    out << "  " << std::left << std::setw(18) << label << std::right << std::setw(8) << c.ok << std::setw(10)
        << c.degraded << std::setw(8) << c.failed << "\n";
}

void printFiguresText(std::ostream &out, const ImpactFigures &f)
{
    out << "  " << std::left << std::setw(18) << "" << std::right << std::setw(8) << "ok" << std::setw(10)
        << "degraded" << std::setw(8) << "failed" << "\n";
    for (int l = 0; l < kLayerCount; ++l) {
        if (f.byLayer[l].total())
            printCountsRow(out, std::string(toString(static_cast<Layer>(l))), f.byLayer[l]);
    }
    out << "  functions failed " << f.functions.failed << ", degraded " << f.functions.degraded << "; apps failed "
        << f.apps.failed << ", degraded " << f.apps.degraded << "\n";
    out << "  users lost " << humanCount(f.usersLost) << ", degraded " << humanCount(f.usersDegraded) << "\n";
}

} // namespace

std::string humanCount(std::int64_t n)
{
    char buf[32];
    if (n >= 1'000'000'000)
        std::snprintf(buf, sizeof buf, "%.1f bn", static_cast<double>(n) / 1e9);
    else if (n >= 1'000'000)
        std::snprintf(buf, sizeof buf, "%.1f M", static_cast<double>(n) / 1e6);
    else if (n >= 10'000)
        std::snprintf(buf, sizeof buf, "%.1f k", static_cast<double>(n) / 1e3);
    else
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(n));
    return buf;
}

Json impactJson(const Model &model, const Evaluator &evaluator, const Impact &impact, const Selection &selection)
{
    return chokepoint::impactJson(model, evaluator, impact, selection.scenario);
}

void printValidation(std::ostream &out, const std::string &format, const std::string &file, const Model &model,
                     const Problems &problems)
{
    if (format == "json") {
        Json list = Json::array();
        for (const Problem &p : problems)
            list.push_back(Json{{"file", p.file}, {p.subject, p.node}, {"line", p.line}, {"message", p.message}});
        Json j{{"file", file}, {"valid", problems.empty()}, {"problems", list}};
        if (problems.empty()) {
            j["nodes"] = model.nodes.size();
            j["edges"] = model.edgeCount();
            j["scenarios"] = model.scenarios.size();
        }
        out << dumpJson(j, 2) << "\n";
    } else if (format == "csv") {
        out << csvRow({"file", "line", "subject", "id", "message"});
        for (const Problem &p : problems)
            out << csvRow({p.file, std::to_string(p.line), p.subject, p.node, p.message});
    } else if (problems.empty()) {
        out << file << ": valid (" << model.nodes.size() << " nodes, " << model.edgeCount() << " edges, "
            << model.scenarios.size() << " scenarios)\n";
    } else {
        for (const Problem &p : problems)
            out << p.toString() << "\n";
        out << problems.size() << (problems.size() == 1 ? " problem\n" : " problems\n");
    }
}

void printImpact(std::ostream &out, const std::string &format, const Model &model, const Evaluator &evaluator,
                 const Impact &impact, const Selection &selection)
{
    if (format == "json") {
        out << dumpJson(impactJson(model, evaluator, impact, selection), 2) << "\n";
        return;
    }
    if (format == "csv") {
        out << statesCsv(model, evaluator);
        return;
    }
    const Scenario *s = selection.scenario;
    out << "Scenario: " << (s ? s->id + (s->title.empty() ? "" : " — " + s->title) : std::string("none"));
    if (s && !s->date.empty())
        out << " (" << s->date << ")";
    out << "\nActions: " << impact.blocks << " blocked, " << impact.throttles << " throttled, " << impact.enabled
        << " enabled\n\nAll nodes:\n";
    printFiguresText(out, impact.all);
    if (!impact.targets.empty()) {
        out << "\nCollateral (outside the targets and what depends on them):\n";
        printFiguresText(out, impact.collateral);
    }
    out << "(" << kUsersNote << ")\n";
    for (State wanted : {State::Failed, State::Degraded}) {
        std::size_t shown = 0, total = 0;
        for (std::size_t i = 0; i < model.nodes.size(); ++i) {
            if (evaluator.stateOfNode(i) != wanted)
                continue;
            if (total++ == 0)
                out << "\n" << (wanted == State::Failed ? "Failed" : "Degraded") << ":\n";
            if (shown < 200) {
                ++shown;
                const Node &n = model.nodes[i];
                out << "  " << n.id << " — " << n.name << " [" << toString(n.kind) << "]";
                if (countsUsers(n.kind) && n.users)
                    out << " " << humanCount(n.users) << " users";
                out << "\n";
            }
        }
        if (total > shown)
            out << "  … and " << (total - shown) << " more (use --format csv for all)\n";
    }
    if (s && !s->expect.empty()) {
        const Json e = expectationJson(model, evaluator, s->expect);
        out << "\nDocumented outcome: " << (e["holds"].get<bool>() ? "matches" : "DOES NOT match") << " ("
            << e["checked"].get<std::size_t>() << " nodes checked)\n";
        for (const Json &m : e["mismatches"])
            out << "  " << m["node"].get<std::string>() << ": expected " << m["expected"].get<std::string>()
                << ", engine says " << m["actual"].get<std::string>() << "\n";
    }
}

void printExplanation(std::ostream &out, const std::string &format, const Model &model, const Explanation &e)
{
    if (format == "text") {
        out << describe(model, e) << "\n";
        return;
    }
    Json causes = Json::array();
    for (const Cause &c : e.causes) {
        const char *type = c.type == Cause::Type::Blocked ? "blocked" : c.type == Cause::Type::Throttled ? "throttled" : "disabled";
        causes.push_back(Json{{"node", c.node}, {"type", type}, {"path", c.path}});
    }
    Json restore = Json::array();
    for (const Actions &set : e.restore) {
        Json lift = Json::array();
        for (const Action &a : set)
            lift.push_back(Json{{"node", a.node}, {"action", std::string(toString(a.type))}});
        restore.push_back(std::move(lift));
    }
    if (format == "json") {
        out << dumpJson(Json{{"node", e.node},
                             {"state", std::string(toString(e.state))},
                             {"causes", causes},
                             {"restore", restore},
                             {"restoreComplete", e.restoreComplete},
                             {"enableToRestore", e.enableToRestore},
                             {"text", describe(model, e)}},
                        2)
            << "\n";
        return;
    }
    out << csvRow({"node", "state", "cause", "cause_type", "path"});
    for (const Json &c : causes) {
        std::string path;
        for (const Json &p : c["path"])
            path += (path.empty() ? "" : " > ") + p.get<std::string>();
        out << csvRow({e.node, std::string(toString(e.state)), c["node"].get<std::string>(),
                       c["type"].get<std::string>(), path});
    }
}

} // namespace chokepoint::cli
