#include "panels/statussummary.h"

#include "charts/chartstyle.h"
#include "document/document.h"

#include <QEvent>

namespace chokepoint::ui {

StatusSummary::StatusSummary(Document *document, QWidget *parent) : QLabel(parent), m_document(document)
{
    setTextFormat(Qt::RichText);
    connect(document, &Document::impactChanged, this, &StatusSummary::refresh);
    refresh();
}

void StatusSummary::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

void StatusSummary::refresh()
{
    setToolTip(tr("Users add up disruptions, not distinct people: someone who loses two apps counts twice."));
    const Impact &i = m_document->impact();
    const ImpactFigures &f = i.all;
    setText(
        tr("<b>%1</b> blocked, <b>%2</b> throttled, <b>%3</b> countermeasures on &nbsp;|&nbsp; functions: "
           "<b>%4</b> failed, <b>%5</b> degraded &nbsp;|&nbsp; apps: <b>%6</b> failed, <b>%7</b> degraded "
           "&nbsp;|&nbsp; users lost: <b>%8</b>, degraded: <b>%9</b>")
            .arg(i.blocks)
            .arg(i.throttles)
            .arg(i.enabled)
            .arg(f.functions.failed)
            .arg(f.functions.degraded)
            .arg(f.apps.failed)
            .arg(f.apps.degraded)
            .arg(formatUsers(f.usersLost), formatUsers(f.usersDegraded)));
}

} // namespace chokepoint::ui
