#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "report/chartdata.h"

#include <algorithm>

namespace chokepoint::ui {

void drawUsersChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const AffectedList affected = mostAffected(*input.model, *input.evaluator, static_cast<std::size_t>(std::max(1, input.topRows)));
    ChartText text;
    text.title = Charts::tr("Functions and apps hit hardest — %1").arg(input.subject());
    text.subtitle =
        affected.total > affected.nodes.size()
            ? Charts::tr("Users of each failed or degraded function and app, in millions: the top %1 of %2")
                  .arg(affected.nodes.size())
                  .arg(affected.total)
            : Charts::tr("Users of each failed or degraded function and app, in millions");
    text.note = usersNote();
    canvas->reset(text, palette);
    if (affected.nodes.empty()) {
        canvas->showMessage(Charts::tr("No function or app fails or degrades."));
        return;
    }
    std::vector<UserBarRow> rows;
    for (const AffectedNode &a : affected.nodes) {
        const Node &n = input.model->nodes[a.node];
        UserBarRow row;
        row.label = barLabel(nodeName(n), kindNameInText(n.kind), input.maxLabelChars);
        (a.state == State::Failed ? row.lost : row.degraded) = static_cast<double>(a.users);
        const bool failed = a.state == State::Failed;
        if (a.users > 0)
            row.valueText =
                (failed ? Charts::tr("%1 lost") : Charts::tr("%1 degraded")).arg(formatUsers(a.users));
        else
            row.valueText =
                failed ? Charts::tr("failed, no user figure") : Charts::tr("degraded, no user figure");
        rows.push_back(row);
    }
    drawUserBars(canvas, rows, Charts::tr("lost (failed)"), Charts::tr("degraded"));
}

} // namespace chokepoint::ui
