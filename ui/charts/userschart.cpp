#include "charts/barhelpers.h"
#include "charts/chartcanvas.h"
#include "charts/chartdrawing.h"
#include "charts/chartstyle.h"
#include "document/document.h"
#include "report/chartdata.h"

#include <QCoreApplication>

namespace chokepoint::ui {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Charts", text);
}

} // namespace

void drawUsersChart(ChartCanvas *canvas, const ChartInput &input, const Palette &palette)
{
    const AffectedList affected = mostAffected(*input.model, *input.evaluator, chartstyle::kTopRows);
    ChartText text;
    text.title = tr("Functions and apps hit hardest — %1").arg(input.subject());
    text.subtitle =
        affected.total > affected.nodes.size()
            ? tr("Users of each failed or degraded function and app, in millions: the top %1 of %2")
                  .arg(affected.nodes.size())
                  .arg(affected.total)
            : tr("Users of each failed or degraded function and app, in millions");
    text.note = usersNote();
    canvas->reset(text, palette);
    if (affected.nodes.empty()) {
        canvas->showMessage(tr("No function or app fails or degrades."));
        return;
    }
    std::vector<UserBarRow> rows;
    for (const AffectedNode &a : affected.nodes) {
        const Node &n = input.model->nodes[a.node];
        UserBarRow row;
        row.label = barLabel(qstr(n.name), kindName(n.kind).toLower());
        (a.state == State::Failed ? row.lost : row.degraded) = static_cast<double>(a.users);
        const bool failed = a.state == State::Failed;
        if (a.users > 0)
            row.valueText = (failed ? tr("%1 lost") : tr("%1 degraded")).arg(formatUsers(a.users));
        else
            row.valueText = failed ? tr("failed, no user figure") : tr("degraded, no user figure");
        rows.push_back(row);
    }
    drawUserBars(canvas, rows, tr("lost (failed)"), tr("degraded"));
}

} // namespace chokepoint::ui
