#pragma once

#include "model/model.h"
#include "util/problem.h"

#include <map>
#include <string>

namespace chokepoint {

/// Where a node sits on the map; `pinned` nodes keep their place when the map is laid out again.
struct NodePosition
{
    double x = 0;
    double y = 0;
    bool pinned = false;

    friend bool operator==(const NodePosition &, const NodePosition &) = default;
};

/// Everything a `.chokepoint` document holds: the model and how the user last looked at it.
struct DocumentData
{
    Model model;
    std::map<std::string, NodePosition> positions; ///< node id → position on the map
    std::map<std::string, std::string>
        viewSettings; ///< free key/value (zoom, collapsed groups as JSON text…)

    friend bool operator==(const DocumentData &, const DocumentData &) = default;
};

/// The schema version written into a document's `PRAGMA user_version`; newer ones are refused.
inline constexpr int kDocumentSchemaVersion = 2;

/// The document's `PRAGMA application_id`: 'CHKP'.
inline constexpr int kDocumentApplicationId = 0x43484B50;

/**
 * Reads a `.chokepoint` document (DESIGN.md §4). The file is opened read-only with SQLite's
 * defensive settings and is never changed. Throws InputError naming the file and what is wrong
 * (not an SQLite database, not a Chokepoint document, a newer schema, a damaged or truncated
 * file, a malformed field, a model that does not validate) — a hostile or broken file gives an
 * error, never a crash.
 */
DocumentData readDocument(const std::string &path);

/**
 * Writes `doc` to `path` atomically: a temporary file in the same folder, filled in one
 * transaction, flushed to disk, then renamed over `path` (keeping its permissions). On failure the
 * temporary file is removed and an existing `path` is left as it was. Throws InputError naming
 * `path` when the file cannot be written or the model cannot be stored (a duplicate node id, a
 * dependency on an unknown node). The model should be indexed (reindex() after the last change);
 * if it is not, the ids are resolved here.
 */
void writeDocument(const DocumentData &doc, const std::string &path);

/// True when `path` starts with SQLite's 16-byte header "SQLite format 3\0".
bool looksLikeSqlite(const std::string &path);

} // namespace chokepoint
