#pragma once

#include "model/model.h"
#include "util/problem.h"

#include <iosfwd>
#include <string>
#include <string_view>

namespace chokepoint {

/// The interchange format's name and version (DESIGN.md §4).
inline constexpr std::string_view kFormatName = "chokepoint";
inline constexpr int kFormatVersion = 1;

/**
 * Parses a model from JSON text. `file` is used in messages only. Throws InputError naming the
 * line (syntax) or the node (shape) of every problem; the model is validated before it is
 * returned. Unknown fields are kept in the structs' `extra` members.
 */
Model parseJsonModel(std::string_view text, const std::string &file = {});

/// Reads and parses a JSON model file; throws InputError on any problem.
Model readJsonModel(const std::string &path);

/// Writes the model as pretty-printed JSON (2-space indent, known fields in a fixed order, then
/// unknown fields in their original order). Streams node by node, so large models need no DOM.
void writeJsonModel(const Model &model, std::ostream &out);
std::string toJsonText(const Model &model);

/// Reads a whole file into memory; throws InputError if it cannot be read.
std::string readFileText(const std::string &path);

} // namespace chokepoint
