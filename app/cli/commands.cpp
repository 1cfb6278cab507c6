#include "commands.h"

#include "bench.h"
#ifdef CHOKEPOINT_CLI_CHARTS
#include "chartcommands.h"
#endif
#include "context.h"
#include "cutsetcommands.h"
#include "engine/evaluator.h"
#include "engine/explain.h"
#include "engine/impact.h"
#include "engine/selection.h"
#include "io/csv.h"
#include "io/modelfile.h"
#include "model/generator.h"
#include "model/validate.h"
#include "output.h"

#include <boost/program_options.hpp>

#include <functional>
#include <iostream>
#include <map>

namespace chokepoint::cli {
namespace po = boost::program_options;
namespace {


constexpr const char *kUsage = R"(Usage: chokepoint-cli COMMAND FILE [options]

FILE is a model: .json, .chokepoint or Open-PSA MEF .xml.

Commands:
  validate FILE                 check the model; print each problem with its node
  impact FILE                   every node's state under the scenario, and the summary
  explain FILE NODE             why NODE is in its state, and what would restore it
  cutsets FILE --target ID [--max-size K] [--limit N] [--protect ID]...
                                the minimal sets of blocks that would fail ID, by size, then
                                collateral users, then ids (--limit 0: count only; default 20)
  rank FILE [--top N]           every single block ranked by the collateral users it loses
  convert IN OUT                convert between formats by extension
                                (.json, .chokepoint; OUT may also be .graphml or .dot)
  generate --apps N [--seed S] --out FILE
                                a synthetic ecosystem of realistic shape, for scale tests
  bench FILE                    time full and incremental propagation; prints JSON
  chart FILE --chart KIND --out F.png|svg|pdf [--compare ID] [--size WxH] [--scale S]
                                draw one chart offscreen; KIND: states, users, rank, compare
                                (against --compare ID, default nothing blocked) or timeline
  report FILE --scenario ID --out F.html|pdf
                                the scenario's report: map, charts, figures, sources

Scenario options (any command that evaluates):
  --scenario ID                 start from the model's scenario ID ("none" for no scenario)
  --block ID, --throttle ID, --enable ID
                                add an action (repeatable)
  --step N                      apply only the scenario's first N timeline steps
Output:
  --format text|json|csv        (text by default)

Exit codes: 0 done, 1 analysis failed, 2 bad usage, 3 bad input file.
)";

int cmdValidate(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    Problems problems;
    DocumentData doc;
    try {
        doc = loadModelFile(path);
    } catch (const InputError &e) {
        problems = e.problems();
    }
    printValidation(ctx.out, ctx.format(), path, doc.model, problems);
    return problems.empty() ? kDone : kBadInput;
}

int cmdImpact(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    Evaluated e = evaluate(ctx, path);
    const Impact impact = computeImpact(e.doc.model, *e.evaluator, e.selection.targets);
    printImpact(ctx.out, ctx.format(), e.doc.model, *e.evaluator, impact, e.selection);
    return kDone;
}

int cmdExplain(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    const std::string nodeId = ctx.file(1, "NODE");
    ctx.expectPositional(2);
    Evaluated e = evaluate(ctx, path);
    const auto idx = e.doc.model.indexOf(nodeId);
    if (!idx)
        throw AnalysisError("unknown node '" + nodeId + "'");
    const Explanation ex = explain(e.doc.model, *e.evaluator, *idx);
    printExplanation(ctx.out, ctx.format(), e.doc.model, ex);
    return kDone;
}

int cmdConvert(Context &ctx)
{
    const std::string in = ctx.file(0, "IN");
    const std::string outPath = ctx.file(1, "OUT");
    ctx.expectPositional(2);
    if (formatOf(outPath) == FileFormat::Unknown || formatOf(outPath) == FileFormat::Mef)
        throw UsageError("cannot write '" + outPath + "': OUT must end in .json, .chokepoint, .graphml or .dot");
    DocumentData doc = loadModelFile(in);
    saveModelFile(doc, outPath);
    ctx.err << "wrote " << outPath << " (" << doc.model.nodes.size() << " nodes, " << doc.model.edgeCount()
            << " edges)\n";
    return kDone;
}

int cmdGenerate(Context &ctx)
{
    ctx.expectPositional(0);
    if (!ctx.vm.count("apps"))
        throw UsageError("generate needs --apps N");
    if (!ctx.vm.count("out"))
        throw UsageError("generate needs --out FILE");
    const std::string outPath = ctx.get<std::string>("out");
    if (formatOf(outPath) == FileFormat::Unknown || formatOf(outPath) == FileFormat::Mef)
        throw UsageError("--out must end in .json, .chokepoint, .graphml or .dot");
    const auto apps = ctx.number("apps");
    if (apps == 0 || apps > 10'000'000)
        throw UsageError("--apps must be between 1 and 10000000");
    DocumentData doc;
    doc.model = generateEcosystem(apps, ctx.number("seed"));
    saveModelFile(doc, outPath);
    ctx.err << "wrote " << outPath << " (" << doc.model.nodes.size() << " nodes, " << doc.model.edgeCount()
            << " edges)\n";
    return kDone;
}

int cmdBench(Context &ctx)
{
    const std::string path = ctx.file(0, "FILE");
    ctx.expectPositional(1);
    BenchOptions options;
    options.toggles = ctx.number("toggles");
    if (options.toggles == 0 || options.toggles > 10'000'000) // each is timed and kept
        throw UsageError("--toggles must be between 1 and 10000000");
    options.seed = ctx.number("seed");
    ctx.out << dumpJson(runPropagationBench(path, options)) << "\n";
    return kDone;
}

po::options_description optionsDescription()
{
    po::options_description d("options");
    d.add_options()("help,h", "show usage")                                                       //
        ("version", "show the version")                                                           //
        ("scenario", po::value<std::string>()->default_value(""), "scenario id")                  //
        ("block", po::value<std::vector<std::string>>()->composing(), "block a node")             //
        ("throttle", po::value<std::vector<std::string>>()->composing(), "throttle a node")       //
        ("enable", po::value<std::vector<std::string>>()->composing(), "enable a countermeasure") //
        ("step", po::value<WholeNumber>(), "apply only the first N steps")                        //
        ("format", po::value<std::string>()->default_value("text"), "text, json or csv")          //
        ("apps", po::value<WholeNumber>(), "generate: number of apps")                            //
        ("seed", po::value<WholeNumber>()->default_value({1}, "1"), "random seed")                //
        ("out", po::value<std::string>(), "output file")                                          //
        ("toggles", po::value<WholeNumber>()->default_value({2000}, "2000"),
         "bench: toggles to time")                                                                      //
        ("target", po::value<std::string>(), "cutsets: the node to fail")                               //
        ("max-size", po::value<WholeNumber>(), "cutsets: largest set size")                             //
        ("limit", po::value<WholeNumber>(), "cutsets: how many sets to list")                           //
        ("protect", po::value<std::vector<std::string>>()->composing(), "cutsets: keep a node's state") //
        ("top", po::value<WholeNumber>(), "rank: how many blocks to list")                              //
        ("chart", po::value<std::string>(), "chart: which chart")                                       //
        ("compare", po::value<std::string>(), "chart: the scenario to compare with")                    //
        ("size", po::value<std::string>(), "chart: WxH in pixels")                                      //
        ("scale", po::value<double>(), "chart: PNG pixels per layout pixel")                            //
        ("command", po::value<std::string>(), "")                                                       //
        ("args", po::value<std::vector<std::string>>(), "");
    return d;
}

/// Boost.Program_options builds its messages by replacing placeholders such as %value% with the
/// option's words until none is left, so a word that itself holds one ("--max-size %value%")
/// never finishes. Such an argument is refused before Boost sees it.
void refuseBoostPlaceholders(const std::vector<std::string> &args)
{
    static constexpr std::string_view kPlaceholders[] = {"%canonical_option%", "%option%", "%value%", "%prefix%",
                                                         "%original_token%"};
    for (const std::string &arg : args) {
        for (std::string_view p : kPlaceholders) {
            if (arg.find(p) != std::string::npos)
                throw UsageError("the argument '" + arg + "' holds " + std::string(p) + ", which options cannot take");
        }
    }
}

} // namespace

int run(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    static const std::map<std::string, std::function<int(Context &)>> commands{
        {"validate", cmdValidate}, {"impact", cmdImpact},     {"explain", cmdExplain},
        {"convert", cmdConvert},   {"generate", cmdGenerate}, {"bench", cmdBench},
        {"cutsets", cmdCutsets},   {"rank", cmdRank},
#ifdef CHOKEPOINT_CLI_CHARTS
        {"chart", cmdChart},       {"report", cmdReport},
#endif
    };
    Context ctx{{}, {}, out, err};
    try {
        refuseBoostPlaceholders(args);
        po::positional_options_description positional;
        positional.add("command", 1).add("args", -1);
        po::store(po::command_line_parser(args).options(optionsDescription()).positional(positional).run(), ctx.vm);
        po::notify(ctx.vm);
        if (ctx.vm.count("help") || args.empty()) {
            (args.empty() ? err : out) << kUsage;
            return args.empty() ? kBadUsage : kDone;
        }
        if (ctx.vm.count("version")) {
            out << "chokepoint-cli " << CHOKEPOINT_VERSION << "\n";
            return kDone;
        }
        const std::string command = ctx.vm.count("command") ? ctx.get<std::string>("command") : "";
        auto it = commands.find(command);
        if (it == commands.end())
            throw UsageError("unknown command '" + command + "'");
        if (ctx.vm.count("args"))
            ctx.positional = ctx.get<std::vector<std::string>>("args");
        const std::string format = ctx.format();
        if (format != "text" && format != "json" && format != "csv")
            throw UsageError("--format must be text, json or csv");
        return it->second(ctx);
    } catch (const po::error &e) {
        err << "chokepoint-cli: " << e.what() << "\n(run 'chokepoint-cli --help' for usage)\n";
        return kBadUsage;
    } catch (const UsageError &e) {
        err << "chokepoint-cli: " << e.what() << "\n(run 'chokepoint-cli --help' for usage)\n";
        return kBadUsage;
    } catch (const InputError &e) {
        err << e.what() << "\n";
        return kBadInput;
    } catch (const AnalysisError &e) {
        err << "chokepoint-cli: " << e.what() << "\n";
        return kAnalysisFailed;
    } catch (const std::bad_alloc &) {
        err << "chokepoint-cli: out of memory\n";
        return kAnalysisFailed;
    } catch (const std::exception &e) {
        err << "chokepoint-cli: " << e.what() << "\n";
        return kAnalysisFailed;
    }
}

} // namespace chokepoint::cli
