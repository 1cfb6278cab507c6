#include "panels/inspector.h"

#include "document/document.h"
#include "engine/explain.h"
#include "i18n/language.h"
#include "style/palette.h"

#include <QEvent>
#include <QLocale>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

namespace chokepoint::ui {
namespace {

QString esc(const std::string &s) { return qstr(s).toHtmlEscaped(); }

QString gradeName(Grade g)
{
    switch (g) {
    case Grade::Vendor: return Inspector::tr("vendor's own documentation");
    case Grade::Measurement: return Inspector::tr("measurement");
    case Grade::Press: return Inspector::tr("press report");
    case Grade::ReverseEngineered: return Inspector::tr("reverse-engineered");
    case Grade::Inference: return Inspector::tr("inference");
    }
    return {};
}

QString sourcesHtml(const Sources &sources)
{
    QString html;
    for (const Source &s : sources) {
        html += QStringLiteral("<li>%1 <span style='color:#555'>— %2%3</span><br><small>%4</small></li>")
                    .arg(s.title.empty() ? esc(s.url) : esc(s.title), gradeName(s.grade),
                         s.date.empty() ? QString() : QStringLiteral(", ") + esc(s.date), esc(s.url));
    }
    return html;
}

QString confidenceName(Confidence c)
{
    switch (c) {
    case Confidence::High: return Inspector::tr("high confidence");
    case Confidence::Medium: return Inspector::tr("medium confidence");
    case Confidence::Low: return Inspector::tr("low confidence");
    case Confidence::Unset: break;
    }
    return {};
}

} // namespace

Inspector::Inspector(Document *document, QWidget *parent)
    : QWidget(parent), m_document(document), m_browser(new QTextBrowser(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser);
    m_browser->setOpenLinks(false);
    connect(m_browser, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("node")) {
            if (const auto index = m_document->indexOf(url.path()))
                Q_EMIT nodeActivated(*index);
        }
    });
    connect(document, &Document::impactChanged, this, &Inspector::refresh);
    refresh();
}

void Inspector::setNode(int nodeIndex)
{
    m_node = nodeIndex;
    refresh();
}

QString Inspector::plainText() const { return m_browser->toPlainText(); }

void Inspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void Inspector::refresh()
{
    m_browser->setHtml(html());
}

QString Inspector::linkTo(const std::string &id) const
{
    const Node *n = m_document->model().node(id);
    const auto index = m_document->indexOf(qstr(id));
    if (!n || !index)
        return esc(id);
    const State s = m_document->state(*index);
    return QStringLiteral("<a href='node:%1'>%2</a> <span style='color:%3'>%4</span>")
        .arg(qstr(id).toHtmlEscaped(), nodeName(*n).toHtmlEscaped(), Palette::screen().stateColor(s).name(),
             stateMark(s));
}

QString Inspector::overviewHtml() const
{
    QString h;
    const Scenario *scenario = m_document->scenario();
    const Impact &impact = m_document->impact();
    if (scenario) {
        h += QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>")
                 .arg(scenarioTitle(*scenario).toHtmlEscaped());
        if (!scenario->date.empty())
            h += QStringLiteral("<p style='color:#555;margin-top:0'>%1</p>").arg(esc(scenario->date));
        if (!scenario->description.empty())
            h += QStringLiteral("<p>%1</p>").arg(scenarioDescription(*scenario).toHtmlEscaped());
    } else if (impact.blocks + impact.throttles + impact.enabled > 0) {
        h += tr("<h2>Your own scenario</h2>");
    } else {
        h += tr("<h2>Nothing is blocked</h2><p>Choose a scenario above the blocks list, or tick <b>Block</b> "
                "next to any port, address, domain or service, and watch what stops working.</p>");
    }

    // What fails, apps first, then functions, worst (most users) first.
    std::vector<int> failed;
    for (int i = 0; i < m_document->nodeCount(); ++i) {
        const Kind k = m_document->node(i).kind;
        if ((k == Kind::App || k == Kind::Function) && m_document->state(i) != State::Ok)
            failed.push_back(i);
    }
    std::stable_sort(failed.begin(), failed.end(), [this](int a, int b) {
        const auto key = [this](int i) {
            return std::tuple(m_document->node(i).kind != Kind::App, m_document->state(i) != State::Failed,
                              -m_document->node(i).users);
        };
        return key(a) < key(b);
    });
    if (!failed.empty()) {
        h += tr("<h3>What stops working</h3><p>%1 users lose a function or an app; %2 more get a degraded one "
                "(users count disruptions, not distinct people).</p><ul>")
                 .arg(QLocale().toString(static_cast<qlonglong>(impact.all.usersLost)),
                      QLocale().toString(static_cast<qlonglong>(impact.all.usersDegraded)));
        constexpr std::size_t kShown = 15;
        for (std::size_t k = 0; k < failed.size() && k < kShown; ++k)
            h += QStringLiteral("<li>%1</li>").arg(linkTo(m_document->node(failed[k]).id));
        if (failed.size() > kShown)
            h += tr("<li>… and %1 more</li>").arg(failed.size() - kShown);
        h += QStringLiteral("</ul>");
    } else if (impact.blocks + impact.throttles > 0) {
        h += tr("<p>Every function and app still works.</p>");
    }
    if (scenario && !scenario->sources.empty())
        h += tr("<h3>Sources</h3><ul>%1</ul>").arg(sourcesHtml(scenario->sources));
    h += tr("<p style='color:#555'>Click a node on the map or in the blocks list to see its state, why it is in "
            "that state, what would restore it, and the sources behind it.</p>");
    return h;
}

QString Inspector::html() const
{
    if (m_node < 0 || m_node >= m_document->nodeCount())
        return overviewHtml();
    const Node &n = m_document->node(m_node);
    const State s = m_document->state(m_node);
    const QColor colour = Palette::screen().stateColor(s);
    QString h = QStringLiteral("<h2 style='margin-bottom:2px'>%1</h2>").arg(nodeName(n).toHtmlEscaped());
    h += QStringLiteral("<p style='color:#555;margin-top:0'>%1%2 · <code>%3</code></p>")
             .arg(kindName(n.kind), n.owner.empty() ? QString() : QStringLiteral(" · ") + esc(n.owner), esc(n.id));
    h += QStringLiteral("<p><span style='background:%1;color:white;padding:2px 6px'>&nbsp;%2 %3&nbsp;</span>")
             .arg(colour.name(), stateMark(s), stateName(s).toUpper());
    const NodeAction action = m_document->action(m_node);
    if (action == NodeAction::Block)
        h += tr(" &nbsp;<b>blocked</b>");
    else if (action == NodeAction::Throttle)
        h += tr(" &nbsp;<b>throttled</b>");
    else if (action == NodeAction::Enable)
        h += tr(" &nbsp;<b>enabled</b>");
    if (countsUsers(n.kind) && n.users > 0)
        h += tr("<br>Users: %L1").arg(n.users);
    h += QStringLiteral("</p>");
    if (!n.description.empty())
        h += QStringLiteral("<p>%1</p>").arg(nodeDescription(n).toHtmlEscaped());

    if (s != State::Ok) {
        const Explanation e = explain(m_document->model(), m_document->evaluator(), static_cast<std::size_t>(m_node));
        h += tr("<h3>Why?</h3><ul>");
        for (const Cause &c : e.causes) {
            QString chain;
            for (std::size_t i = 0; i < c.path.size(); ++i)
                chain += (i ? QStringLiteral(" → ") : QString()) + linkTo(c.path[i]);
            const QString what = c.type == Cause::Type::Blocked     ? tr("is blocked")
                                 : c.type == Cause::Type::Throttled ? tr("is throttled")
                                                                    : tr("is a countermeasure that is switched off");
            h += QStringLiteral("<li>%1 %2%3</li>")
                     .arg(linkTo(c.node), what, c.path.size() > 1 ? QStringLiteral(":<br>") + chain : QString());
        }
        h += QStringLiteral("</ul>");
        h += tr("<h3>What would restore it</h3><ul>");
        for (const Actions &set : e.restore) {
            QStringList parts;
            for (const Action &a : set)
                parts << (a.type == ActionType::Block ? tr("unblock %1") : tr("stop throttling %1")).arg(linkTo(a.node));
            h += QStringLiteral("<li>%1</li>").arg(parts.join(tr(" and ")));
        }
        for (const std::string &id : e.enableToRestore)
            h += tr("<li>switch on %1 (it works again, perhaps degraded)</li>").arg(linkTo(id));
        if (e.restore.empty() && e.enableToRestore.empty())
            h += tr("<li>No small change brings it back.</li>");
        h += QStringLiteral("</ul>");
    }

    if (!n.dependsOn.empty()) {
        h += tr("<h3>Depends on</h3><ul>");
        for (const Dependency &d : n.dependsOn) {
            const QString type = d.type == DepType::Hard ? QString()
                                 : d.type == DepType::Fallback ? tr(" <i>(fallback)</i>") : tr(" <i>(soft: degrades only)</i>");
            const QString note = d.evidence() && !d.evidence()->note.empty()
                                     ? QStringLiteral("<br><small>%1</small>").arg(esc(d.evidence()->note))
                                     : QString();
            h += QStringLiteral("<li>%1%2%3</li>").arg(linkTo(d.node), type, note);
        }
        h += QStringLiteral("</ul>");
    }
    const Graph &g = m_document->graph();
    const auto dependants = g.dependants(g.vertexOf(static_cast<std::size_t>(m_node)));
    if (!dependants.empty()) {
        h += tr("<h3>Needed by</h3><ul>");
        std::size_t shown = 0;
        for (Vertex v : dependants) {
            if (++shown > 50) {
                h += tr("<li>… and %1 more</li>").arg(dependants.size() - 50);
                break;
            }
            h += QStringLiteral("<li>%1</li>").arg(linkTo(m_document->model().nodes[g.nodeOf(v)].id));
        }
        h += QStringLiteral("</ul>");
    }
    if (!n.sources.empty()) {
        h += tr("<h3>Sources</h3>");
        if (n.confidence != Confidence::Unset)
            h += QStringLiteral("<p>%1</p>").arg(confidenceName(n.confidence));
        h += QStringLiteral("<ul>%1</ul>").arg(sourcesHtml(n.sources));
    }
    return h;
}

} // namespace chokepoint::ui
