#include "testutil.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <random>

namespace chokepoint::test {

void execSql(const std::filesystem::path &file, const std::string &sql)
{
    sqlite3 *db = nullptr;
    ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
    char *error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const std::string message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << message;
}

std::filesystem::path araliaDir()
{
    const char *dir = std::getenv("CHOKEPOINT_ARALIA_DIR");
    return dir && *dir ? std::filesystem::path(dir) : std::filesystem::path(CHOKEPOINT_ARALIA_DIR);
}

TempDir::TempDir()
{
    std::random_device rd;
    const auto base = std::filesystem::temp_directory_path();
    for (int attempt = 0; attempt < 100; ++attempt) {
        m_path = base / ("chokepoint-test-" + std::to_string(rd()));
        if (std::filesystem::create_directory(m_path))
            return;
    }
    throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir()
{
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

} // namespace chokepoint::test
