#pragma once

#include "io/documentfile.h"

#include <string>

namespace chokepoint {

/// The file formats a model can be read from or written to, chosen by extension.
enum class FileFormat { JsonModel, Document, Mef, GraphML, Dot, Unknown };

FileFormat formatOf(const std::string &path);

/**
 * Loads a model from `.json`, `.chokepoint` or MEF `.xml` (DESIGN.md §4). Throws InputError with
 * the file and the node or line of each problem; never changes the file.
 */
DocumentData loadModelFile(const std::string &path);

/**
 * Writes `.json`, `.chokepoint`, `.graphml` or `.dot`. JSON and documents are written atomically
 * (a temporary file renamed over the target). Throws InputError when the format cannot be written.
 */
void saveModelFile(const DocumentData &doc, const std::string &path);

/// Writes `text` to `path` atomically: a temporary file in the same folder, then a rename.
void writeFileAtomically(const std::string &path, const std::string &text);

} // namespace chokepoint
