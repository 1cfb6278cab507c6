// DESIGN.md §1: no file under core/ includes a Qt header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

namespace {

TEST(Layering, CoreIncludesNoQt)
{
    const std::filesystem::path core = std::filesystem::path(CHOKEPOINT_SOURCE_DIR) / "core";
    ASSERT_TRUE(std::filesystem::is_directory(core));
    const std::regex qtInclude(R"(^\s*#\s*include\s*[<"]Q[A-Za-z]*)");
    std::size_t files = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file())
            continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            EXPECT_FALSE(std::regex_search(line, qtInclude)) << entry.path() << ":" << n << ": " << line;
    }
    EXPECT_GT(files, 10u);
}

} // namespace
