// JSON model reader: bytes → parseJsonModel → the engine. Finds what escapes the reader other than
// InputError, crashes and undefined behaviour while reading, and the engine's on what was read.
// A model that loads must also survive being written and read again.

#include "fuzzsupport.h"
#include "io/jsonformat.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace chokepoint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    Model model;
    try {
        model = parseJsonModel(text, "fuzz.json");
    } catch (const InputError &) {
        return 0;
    }
    fuzz::exerciseModel(model);
    try {
        parseJsonModel(toJsonText(model), "round-trip.json");
    } catch (const InputError &e) {
        fuzz::finding(std::string("a model that loaded does not load again once written: ") + e.what());
    }
    return 0;
}
