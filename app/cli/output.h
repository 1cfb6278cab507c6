#pragma once

#include "engine/evaluator.h"
#include "engine/explain.h"
#include "engine/impact.h"
#include "engine/selection.h"
#include "util/problem.h"

#include <iosfwd>
#include <string>

namespace chokepoint::cli {

/// The JSON of DESIGN.md §5's `impact`: {"states": {ID: state}, "summary": {...}}.
Json impactJson(const Model &model, const Evaluator &evaluator, const Impact &impact, const Selection &selection);

void printValidation(std::ostream &out, const std::string &format, const std::string &file, const Model &model,
                     const Problems &problems);
void printImpact(std::ostream &out, const std::string &format, const Model &model, const Evaluator &evaluator,
                 const Impact &impact, const Selection &selection);
void printExplanation(std::ostream &out, const std::string &format, const Model &model, const Explanation &e);

/// "12.3 M", "4.5 k", "950": people counts for text output.
std::string humanCount(std::int64_t n);

} // namespace chokepoint::cli
