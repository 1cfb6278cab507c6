// DESIGN.md §1: no file under core/ includes a Qt header.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string_view>

namespace {

/// True for a line like `#include <QWidget>` or `# include "QtCore/QString"`.
bool includesQt(std::string_view line)
{
    auto skipSpace = [&] {
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
    };
    skipSpace();
    if (line.empty() || line.front() != '#')
        return false;
    line.remove_prefix(1);
    skipSpace();
    if (line.substr(0, 7) != "include")
        return false;
    line.remove_prefix(7);
    skipSpace();
    return line.size() >= 2 && (line[0] == '<' || line[0] == '"') && line[1] == 'Q';
}

TEST(Layering, TheCheckRecognisesQtIncludes)
{
    EXPECT_TRUE(includesQt("#include <QWidget>"));
    EXPECT_TRUE(includesQt("  #  include \"QtCore/QString\""));
    EXPECT_FALSE(includesQt("#include <queue>"));
    EXPECT_FALSE(includesQt("// #include <QWidget>"));
}

TEST(Layering, CoreIncludesNoQt)
{
    const std::filesystem::path core = std::filesystem::path(CHOKEPOINT_SOURCE_DIR) / "core";
    ASSERT_TRUE(std::filesystem::is_directory(core));
    std::size_t files = 0;
    for (const auto &entry : std::filesystem::recursive_directory_iterator(core)) {
        if (!entry.is_regular_file())
            continue;
        ++files;
        std::ifstream in(entry.path());
        std::string line;
        for (int n = 1; std::getline(in, line); ++n)
            EXPECT_FALSE(includesQt(line)) << entry.path() << ":" << n << ": " << line;
    }
    EXPECT_GT(files, 10u);
}

} // namespace
