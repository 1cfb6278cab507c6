#include "cutsetcommands.h"

#include "commands.h"
#include "engine/cutsets.h"
#include "engine/rank.h"
#include "io/csv.h"
#include "output.h"
#include "report/tables.h"

#include <charconv>
#include <cstdlib>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace chokepoint::cli {
namespace {

constexpr std::size_t kDefaultLimit = 20;

/// Checks the command line of `cutsets` against the model; every mistake is a UsageError.
CutSetOptions cutSetOptions(const Context &ctx, const Model &model, std::size_t target)
{
    CutSetOptions options;
    if (ctx.vm.count("max-size")) {
        options.maxSize = ctx.number("max-size");
        if (options.maxSize == 0)
            throw UsageError("--max-size must be at least 1 (leave it out for no bound)");
    }
    options.limit = ctx.vm.count("limit") ? ctx.number("limit") : kDefaultLimit;
    if (ctx.vm.count("protect")) {
        for (const std::string &id : ctx.get<std::vector<std::string>>("protect")) {
            const auto idx = model.indexOf(id);
            if (!idx)
                throw UsageError("--protect: unknown node '" + id + "'");
            if (*idx == target)
                throw UsageError("--protect: '" + id + "' is the target; a protected target cannot be failed");
            options.protect.push_back(id);
        }
    }
    return options;
}

/// Writes cut sets as they come, in one of the three formats, through a large buffer.
class CutSetWriter
{
public:
    CutSetWriter(std::ostream &out, std::string format, const Model &model, const CutSetOptions &options)
        : m_out(out), m_format(std::move(format)), m_model(model), m_options(options)
    {
        m_buffer.reserve(kFlushAt + 4096);
    }

    void counted(const CutSetResult &r);
    void set(std::span<const std::uint32_t> nodes, std::int64_t collateral);
    void finish(const CutSetResult &r);

private:
    static constexpr std::size_t kFlushAt = std::size_t{1} << 20;
    void flushIfFull()
    {
        if (m_buffer.size() >= kFlushAt)
            flush();
    }
    void flush()
    {
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        m_buffer.clear();
    }
    void number(std::int64_t n)
    {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
        m_buffer.append(digits, end);
    }
    const std::string &quoted(std::uint32_t node);
    void textHeader(const CutSetResult &r);

    std::ostream &m_out;
    std::string m_format;
    const Model &m_model;
    const CutSetOptions &m_options;
    std::string m_buffer;
    std::vector<std::string> m_quoted; // JSON strings of node ids, made on first use
    std::size_t m_index = 0;
};

const std::string &CutSetWriter::quoted(std::uint32_t node)
{
    if (m_quoted.empty())
        m_quoted.resize(m_model.nodes.size());
    if (m_quoted[node].empty())
        m_quoted[node] = dumpJson(Json(m_model.nodes[node].id));
    return m_quoted[node];
}

void CutSetWriter::counted(const CutSetResult &r)
{
    if (m_format == "json") {
        m_buffer += "{\"target\": " + dumpJson(Json(r.target)) + ", \"count\": " + std::to_string(r.count) +
                    ", \"bySize\": {";
        bool first = true;
        for (std::size_t s = 0; s < r.bySize.size(); ++s) {
            if (r.bySize[s] == 0)
                continue;
            m_buffer += (first ? "\"" : ", \"") + std::to_string(s) + "\": " + std::to_string(r.bySize[s]);
            first = false;
        }
        m_buffer += "}, \"cutsets\": [";
    } else if (m_format == "csv") {
        m_buffer += csvRow({"size", "collateral_users", "blocks"});
    } else {
        textHeader(r);
    }
}

void CutSetWriter::textHeader(const CutSetResult &r)
{
    std::ostringstream o;
    const auto idx = m_model.indexOf(r.target);
    o << "Minimal cut sets of " << r.target << " \"" << m_model.nodes[*idx].name << "\" (now "
      << toString(r.targetState) << ")";
    if (m_options.maxSize)
        o << ", at most " << m_options.maxSize << " blocks";
    if (!m_options.protect.empty())
        o << ", keeping " << m_options.protect.size() << " protected node(s) as they are";
    o << ": " << r.count << "\n";
    if (r.count == 0) {
        if (!r.reachable)
            o << "Nothing " << r.target << " depends on can be blocked, so no set of blocks fails it.\n";
        else
            o << "No set of blocks fails " << r.target << " under these conditions.\n";
    } else if (r.targetState == State::Failed) {
        o << r.target << " is already failed: the empty set is its only cut set.\n";
    } else {
        o << "By size:";
        for (std::size_t s = 0; s < r.bySize.size(); ++s) {
            if (r.bySize[s])
                o << " " << s << ": " << r.bySize[s] << ";";
        }
        o << "\n";
        if (m_options.limit > 0)
            o << std::setw(6) << "size" << std::setw(18) << "collateral users" << "  blocks\n";
    }
    m_buffer += o.str();
}

void CutSetWriter::set(std::span<const std::uint32_t> nodes, std::int64_t collateral)
{
    if (m_format == "json") {
        m_buffer += m_index++ ? ",\n{\"blocks\": [" : "\n{\"blocks\": [";
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (i)
                m_buffer += ", ";
            m_buffer += quoted(nodes[i]);
        }
        m_buffer += "], \"collateralUsers\": ";
        number(collateral);
        m_buffer += '}';
    } else if (m_format == "csv") {
        std::string blocks;
        for (std::uint32_t n : nodes)
            blocks += (blocks.empty() ? "" : " ") + m_model.nodes[n].id;
        m_buffer += csvRow({std::to_string(nodes.size()), std::to_string(collateral), blocks});
    } else {
        std::ostringstream o;
        o << std::setw(6) << nodes.size() << std::setw(18) << humanCount(collateral) << "  ";
        for (std::size_t i = 0; i < nodes.size(); ++i)
            o << (i ? ", " : "") << m_model.nodes[nodes[i]].id;
        m_buffer += o.str() + "\n";
    }
    flushIfFull();
}

void CutSetWriter::finish(const CutSetResult &r)
{
    if (m_format == "json") {
        m_buffer += r.listed ? "\n], \"truncated\": " : "], \"truncated\": ";
        m_buffer += r.truncated ? "true}\n" : "false}\n";
    } else if (m_format == "text" && r.truncated && r.count > 0) {
        m_buffer += "Listed " + std::to_string(r.listed) + " of " + std::to_string(r.count) +
                    (m_options.limit ? " (--limit N lists more).\n" : " (--limit N lists them).\n");
    }
    if (m_format == "text" && r.listed > 0 && r.collateralComputed)
        m_buffer += "Collateral: users of functions and apps outside the target and what depends on it that "
                    "the set would make fail (disruptions, not distinct people).\n";
    flush();
    m_out.flush();
}

void printStats(std::ostream &err, const CutSetResult &r)
{
    const CutSetStats &s = r.stats;
    err << Json{{"variables", s.variables},       {"modules", s.modules}, {"attempts", s.attempts},
                {"bddNodes", s.bddNodes},         {"zbddNodes", s.zbddNodes},
                {"logicSeconds", s.logicSeconds}, {"diagramSeconds", s.diagramSeconds},
                {"listSeconds", s.listSeconds}}
               .dump()
        << "\n";
}

Json rankJson(const Model &model, const Evaluated &e, const std::vector<BlockImpact> &rank)
{
    Json rows = Json::array();
    for (const BlockImpact &b : rank) {
        const Node &n = model.nodes[b.node];
        rows.push_back(Json{{"node", n.id},
                            {"name", n.name},
                            {"kind", std::string(toString(n.kind))},
                            {"collateralUsersLost", b.collateralUsersLost},
                            {"collateralUsersDegraded", b.collateralUsersDegraded},
                            {"usersLost", b.usersLost},
                            {"usersDegraded", b.usersDegraded},
                            {"nodesFailed", b.nodesFailed},
                            {"nodesDegraded", b.nodesDegraded},
                            {"targetsFailed", b.targetsFailed}});
    }
    return Json{{"scenario", e.selection.scenario ? Json(e.selection.scenario->id) : Json(nullptr)},
                {"targets", e.selection.targets},
                {"rank", rows}};
}

void printRankText(std::ostream &out, const Model &model, const Evaluated &e, const std::vector<BlockImpact> &rank)
{
    out << "Single blocks ranked by collateral users lost";
    if (e.selection.scenario)
        out << " (on top of scenario '" << e.selection.scenario->id << "')";
    out << ".\n";
    if (e.selection.targets.empty())
        out << "No targets: every node counts as collateral.\n";
    else
        out << "Collateral leaves out the targets and what depends on them.\n";
    out << std::setw(5) << "#" << "  " << std::left << std::setw(32) << "block" << std::right << std::setw(12)
        << "collateral" << std::setw(12) << "users lost" << std::setw(8) << "nodes" << std::setw(9) << "targets"
        << "\n";
    for (std::size_t i = 0; i < rank.size(); ++i) {
        const BlockImpact &b = rank[i];
        out << std::setw(5) << i + 1 << "  " << std::left << std::setw(32) << model.nodes[b.node].id << std::right
            << std::setw(12) << humanCount(b.collateralUsersLost) << std::setw(12) << humanCount(b.usersLost)
            << std::setw(8) << b.nodesFailed << std::setw(9) << b.targetsFailed << "\n";
    }
    out << "Users add up disruptions, not distinct people; 'nodes' = nodes newly failed.\n";
}

} // namespace

int cmdCutsets(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    if (!ctx.vm.count("target"))
        throw UsageError("cutsets needs --target ID");
    if (ctx.vm.count("max-size") && ctx.number("max-size") == 0)
        throw UsageError("--max-size must be at least 1 (leave it out for no bound)");
    Evaluated e = evaluate(ctx, path);
    const std::string targetId = ctx.get<std::string>("target");
    const auto target = e.doc.model.indexOf(targetId);
    if (!target)
        throw UsageError("--target: unknown node '" + targetId + "'");
    const CutSetOptions options = cutSetOptions(ctx, e.doc.model, *target);

    CutSetWriter writer(ctx.out, ctx.format(), e.doc.model, options);
    CutSetSink sink{[&](const CutSetResult &r) { writer.counted(r); },
                    [&](std::span<const std::uint32_t> nodes, std::int64_t c) { writer.set(nodes, c); }};
    const CutSetResult result = computeCutSets(e.doc.model, *e.evaluator, *target, options, &sink);
    writer.finish(result);
    if (result.count == 0 && ctx.format() != "text")
        ctx.err << (result.reachable ? "no set of blocks fails " : "nothing upstream can be blocked: no set fails ")
                << targetId << "\n";
    if (std::getenv("CHOKEPOINT_CUTSETS_STATS"))
        printStats(ctx.err, result);
    return kDone;
}

int cmdRank(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    Evaluated e = evaluate(ctx, path);
    RankOptions options;
    options.top = ctx.vm.count("top") ? ctx.number("top") : 0;
    const std::vector<BlockImpact> rank = rankBlocks(e.doc.model, *e.evaluator, e.selection.targets, options);
    const Model &model = e.doc.model;
    if (ctx.format() == "json") {
        ctx.out << dumpJson(rankJson(model, e, rank), 2) << "\n";
    } else if (ctx.format() == "csv") {
        ctx.out << rankCsv(model, rank);
    } else {
        printRankText(ctx.out, model, e, rank);
    }
    return kDone;
}

} // namespace chokepoint::cli
