#pragma once

#include "io/jsonformat.h"
#include "model/model.h"

#include <filesystem>
#include <string>

namespace chokepoint::test {

/// A model from a compact JSON node list: `nodes` is the text of the "nodes" array.
inline Model modelFromNodes(const std::string &nodes, const std::string &scenarios = "[]")
{
    return parseJsonModel(R"({"format": "chokepoint", "version": 1, "model": {"id": "t", "title": "t"},
                              "nodes": )" + nodes + R"(, "scenarios": )" + scenarios + "}",
                          "test.json");
}

/// Runs `sql` on the SQLite file `file` (a test fails when SQLite refuses it): how tests damage
/// documents.
void execSql(const std::filesystem::path &file, const std::string &sql);

/// The Aralia fault-tree benchmark set: $CHOKEPOINT_ARALIA_DIR, else the folder the build was
/// configured with (../shared/benchmarks/aralia beside the checkout). Its licence is not settled,
/// so the project does not ship it and a clone may not have it.
std::filesystem::path araliaDir();

/// Skips the test, saying why, when the Aralia set is not there.
#define CHOKEPOINT_SKIP_WITHOUT_ARALIA()                                                                         \
    if (!std::filesystem::exists(::chokepoint::test::araliaDir() / "expected_mcs.csv"))                         \
    GTEST_SKIP() << "the Aralia benchmark set is not at " << ::chokepoint::test::araliaDir()                      \
                 << " (set CHOKEPOINT_ARALIA_DIR to where it is)"

/// A fresh temporary directory, removed when the object goes away.
class TempDir
{
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    std::filesystem::path path(const std::string &name) const { return m_path / name; }
    const std::filesystem::path &root() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace chokepoint::test
