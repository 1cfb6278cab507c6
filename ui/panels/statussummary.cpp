#include "panels/statussummary.h"

#include "document/document.h"

#include <QLocale>

namespace chokepoint::ui {
namespace {

QString people(std::int64_t n)
{
    if (n >= 1'000'000)
        return QLocale().toString(static_cast<double>(n) / 1e6, 'f', 1) + QStringLiteral(" M");
    if (n >= 10'000)
        return QLocale().toString(static_cast<double>(n) / 1e3, 'f', 0) + QStringLiteral(" k");
    return QLocale().toString(static_cast<qlonglong>(n));
}

} // namespace

StatusSummary::StatusSummary(Document *document, QWidget *parent) : QLabel(parent), m_document(document)
{
    setTextFormat(Qt::RichText);
    setToolTip(tr("Users add up disruptions, not distinct people: someone who loses two apps counts twice."));
    connect(document, &Document::impactChanged, this, &StatusSummary::refresh);
    refresh();
}

void StatusSummary::refresh()
{
    const Impact &i = m_document->impact();
    const ImpactFigures &f = i.all;
    setText(tr("<b>%1</b> blocked, <b>%2</b> throttled, <b>%3</b> countermeasures on &nbsp;|&nbsp; functions: "
               "<b>%4</b> failed, <b>%5</b> degraded &nbsp;|&nbsp; apps: <b>%6</b> failed, <b>%7</b> degraded "
               "&nbsp;|&nbsp; users lost: <b>%8</b>, degraded: <b>%9</b>")
                .arg(i.blocks)
                .arg(i.throttles)
                .arg(i.enabled)
                .arg(f.functions.failed)
                .arg(f.functions.degraded)
                .arg(f.apps.failed)
                .arg(f.apps.degraded)
                .arg(people(f.usersLost), people(f.usersDegraded)));
}

} // namespace chokepoint::ui
