// The command line, in-process: the input is split into arguments at NUL or newline bytes and
// handed to cli::run(), which must map every failure to an exit code. Nothing is caught here:
// an exception that escapes run() is a finding, as is a crash or undefined behaviour.
//
// Three small model files (model.json, model.chokepoint, model.xml) sit in a fresh folder for each
// run. So that the fuzzer cannot write around the file system, '/' in an argument becomes '_' and
// every argument (or --option=value) that has a file extension is taken as a name in that folder;
// outputs (convert's OUT, --out) always have one. `generate` and `bench` get their numbers capped,
// as millions of apps or toggles only measure patience.

#include "commands.h"
#include "fuzzsupport.h"
#include "io/documentfile.h"
#include "io/jsonformat.h"

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

using namespace chokepoint;
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kMaxArgs = 32;
constexpr std::size_t kMaxCount = 2000; // generate --apps, bench --toggles
constexpr const char *kInputs[] = {"model.json", "model.chokepoint", "model.xml"};

/// The input files, written once and made read-only; each run links them into a fresh folder.
const fs::path &inputDir()
{
    static const fs::path dir = [] {
        const fs::path d = fuzz::tempDir() / "inputs";
        fs::create_directories(d);
        DocumentData doc;
        doc.model = fuzz::smallModel();
        fuzz::writeFile(d / "model.json", toJsonText(doc.model));
        writeDocument(doc, (d / "model.chokepoint").string());
        fuzz::writeFile(d / "model.xml", fuzz::smallMefText());
        for (const char *name : kInputs)
            fs::permissions(d / name, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
        return d;
    }();
    return dir;
}

const fs::path &workDir()
{
    static const fs::path dir = fuzz::tempDir() / "work";
    return dir;
}

void freshWorkDir()
{
    fs::remove_all(workDir());
    fs::create_directories(workDir());
    for (const char *name : kInputs)
        fs::create_hard_link(inputDir() / name, workDir() / name);
}

bool isCount(const std::string &s)
{
    const std::size_t digits = s.find_first_not_of("+-0123456789 ");
    return !s.empty() && digits == std::string::npos && s.find_first_of("0123456789") != std::string::npos;
}

/// One argument made safe: no '/', a file name inside the work folder, a capped count.
std::string sanitise(std::string arg, bool capCounts)
{
    for (char &c : arg) {
        if (c == '/')
            c = '_';
    }
    const std::size_t eq = arg.rfind("--", 0) == 0 ? arg.find('=') : std::string::npos;
    const std::string prefix = eq == std::string::npos ? "" : arg.substr(0, eq + 1);
    std::string value = eq == std::string::npos ? arg : arg.substr(eq + 1);
    if (value.rfind("--", 0) != 0 && fs::path(value).has_extension())
        value = (workDir() / value).string();
    else if (capCounts && isCount(value) && (value.find('-') != std::string::npos || value.size() > 4))
        value = std::to_string(kMaxCount);
    return prefix + value;
}

std::vector<std::string> arguments(const std::uint8_t *data, std::size_t size)
{
    std::vector<std::string> args(1);
    for (std::size_t i = 0; i < size && args.size() <= kMaxArgs; ++i) {
        if (data[i] == '\0' || data[i] == '\n')
            args.emplace_back();
        else
            args.back() += static_cast<char>(data[i]);
    }
    if (args.size() > kMaxArgs)
        args.resize(kMaxArgs);
    if (args.size() == 1 && args[0].empty())
        args.clear();
    bool capCounts = false;
    for (const std::string &a : args)
        capCounts = capCounts || a == "generate" || a == "bench";
    for (std::string &a : args)
        a = sanitise(std::move(a), capCounts);
    return args;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::vector<std::string> args = arguments(data, size);
    freshWorkDir();
    std::ostringstream out, err;
    const int code = cli::run(args, out, err);
    if (fuzz::verbose()) {
        for (const std::string &a : args)
            std::fprintf(stderr, "arg: %s\n", a.c_str());
        std::fprintf(stderr, "exit %d\n%s%s", code, out.str().c_str(), err.str().c_str());
    }
    if (code < 0 || code > 3)
        fuzz::finding("cli::run returned " + std::to_string(code) + ", not an exit code of DESIGN.md §5");
    return 0;
}
