// Open-PSA MEF importer: bytes → parseMefModel → the engine (cut sets of the top gates, which the
// import makes the default scenario's targets).

#include "fuzzsupport.h"
#include "io/mefimport.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

using namespace chokepoint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view xml(reinterpret_cast<const char *>(data), size);
    Model model;
    try {
        model = parseMefModel(xml, "fuzz.xml");
    } catch (const InputError &) {
        return 0;
    }
    fuzz::exerciseModel(model);
    return 0;
}
