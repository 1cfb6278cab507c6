#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "report/chartdata.h"

namespace chokepoint::ui {

void drawRankChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const std::vector<BlockImpact> rank =
        topBlocks(*input.model, *input.evaluator, input.targets, chartstyle::kTopRows);
    ChartText text;
    text.title = Charts::tr("One more block: the %1 that would hit most users — %2")
                     .arg(chartstyle::kTopRows)
                     .arg(input.subject());
    text.subtitle =
        input.targets.empty()
            ? Charts::tr("Users of functions and apps that blocking this node alone would newly fail or "
                         "degrade, in millions (no targets: everything counts as collateral)")
            : Charts::tr(
                  "Collateral users, in millions: functions and apps outside the scenario's targets "
                  "and what depends on them that blocking this node alone would newly fail or degrade");
    text.note = usersNote();
    canvas->reset(text, palette);
    if (rank.empty()) {
        canvas->showMessage(Charts::tr("Nothing blockable is left to rank."));
        return;
    }
    std::vector<UserBarRow> rows;
    for (const BlockImpact &b : rank) {
        const Node &n = input.model->nodes[b.node];
        UserBarRow row;
        row.label = barLabel(nodeName(n), kindNameInText(n.kind));
        row.lost = static_cast<double>(b.collateralUsersLost);
        row.degraded = static_cast<double>(b.collateralUsersDegraded);
        row.valueText =
            b.collateralUsersDegraded > 0
                ? Charts::tr("%1 lost, %2 degraded")
                      .arg(formatUsers(b.collateralUsersLost), formatUsers(b.collateralUsersDegraded))
                : Charts::tr("%1 lost").arg(formatUsers(b.collateralUsersLost));
        rows.push_back(row);
    }
    drawUserBars(canvas, rows, Charts::tr("would be lost"), Charts::tr("would degrade"));
}

} // namespace chokepoint::ui
