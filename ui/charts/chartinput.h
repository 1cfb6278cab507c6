#pragma once

#include "charts/chartstyle.h"
#include "engine/evaluator.h"
#include "i18n/language.h"
#include "model/model.h"

#include <QString>
#include <string>
#include <vector>

namespace chokepoint::ui {

class Document;

/**
 * What a chart is drawn from: the model, the evaluated actions and where they came from. The
 * window fills it from its Document, `chokepoint-cli chart` from the command line, so both draw
 * through the same code. Pointers are borrowed and must outlive the drawing.
 */
struct ChartInput
{
    const Model *model = nullptr;
    const Evaluator *evaluator = nullptr;  ///< evaluated with `actions`
    const Scenario *scenario = nullptr;    ///< the scenario the actions start from, or null
    Actions actions;                       ///< every action in force
    std::size_t extraActions = 0;          ///< how many of them were added to the scenario's
    std::vector<std::string> targets;      ///< for collateral
    const Scenario *compareWith = nullptr; ///< B of the comparison; null: nothing blocked
    /// Timeline: the scenario whose steps are drawn (the scenario above by default).
    const Scenario *timelineScenario = nullptr;
    /// Rows of the "users" chart, and the longest bar label in characters (a narrow chart, as in
    /// presentation mode, shows fewer and shorter).
    int topRows = chartstyle::kTopRows;
    int maxLabelChars = chartstyle::kMaxBarLabel;

    /// What is shown, for titles: "FaceTime blocked in Russia (2025)", "… + 2 more actions",
    /// "3 actions chosen by hand", "nothing blocked".
    QString subject() const;
};

/// The input for the document's current state; `compareWith` may be null.
ChartInput chartInput(const Document &document, const Scenario *compareWith = nullptr);


} // namespace chokepoint::ui
