// `.chokepoint` reader on raw bytes: written to a file, then readDocument → the engine. Exercises
// the header checks and SQLite's own defences against damaged files; fuzz_document_sql reaches
// the rows behind them.

#include "fuzzsupport.h"
#include "io/documentfile.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace chokepoint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string path = (fuzz::tempDir() / "fuzz.chokepoint").string();
    fuzz::writeFile(path, std::string_view(reinterpret_cast<const char *>(data), size));
    DocumentData doc;
    try {
        doc = readDocument(path);
    } catch (const InputError &) {
        return 0;
    }
    fuzz::exerciseModel(doc.model);
    return 0;
}
