#include "style/palette.h"

#include <QCoreApplication>

namespace chokepoint::ui {

Palette Palette::screen()
{
    Palette p;
    p.ok = QColor(0x00, 0x9E, 0x73);        // Okabe–Ito bluish green
    p.degraded = QColor(0xE6, 0x9F, 0x00);  // orange
    p.failed = QColor(0xD5, 0x5E, 0x00);    // vermillion
    p.blocked = QColor(0x00, 0x00, 0x00);
    p.throttled = QColor(0xCC, 0x79, 0xA7); // reddish purple
    p.enabled = QColor(0x00, 0x72, 0xB2);   // blue
    p.background = QColor(0xFA, 0xFA, 0xF7);
    p.text = QColor(0x1F, 0x29, 0x33);
    p.edge = QColor(0x9A, 0xA5, 0xB1);
    p.highlight = QColor(0x56, 0xB4, 0xE9); // sky blue
    p.layerBand = QColor(0xEE, 0xF0, 0xF2);
    p.surprise = QColor(0x00, 0x5A, 0x9C); // a deep Okabe–Ito blue: apart from every state colour
    return p;
}

Palette Palette::projector()
{
    Palette p = screen();
    p.background = QColor(0xFF, 0xFF, 0xFF);
    p.text = QColor(0x00, 0x00, 0x00);
    p.edge = QColor(0x40, 0x40, 0x40);
    p.ok = QColor(0x00, 0x7A, 0x58);     // darker green keeps contrast on white
    p.degraded = QColor(0xC7, 0x7C, 0x00);
    p.failed = QColor(0xB8, 0x3A, 0x00);
    p.layerBand = QColor(0xE4, 0xE7, 0xEB);
    return p;
}

QString stateMark(State s)
{
    return s == State::Ok ? QStringLiteral("✓") : s == State::Degraded ? QStringLiteral("!") : QStringLiteral("✕");
}

QString stateName(State s)
{
    switch (s) {
    case State::Ok:
        return QCoreApplication::translate("State", "ok");
    case State::Degraded:
        return QCoreApplication::translate("State", "degraded");
    case State::Failed:
        return QCoreApplication::translate("State", "failed");
    }
    return {};
}

QString layerName(Layer l)
{
    switch (l) {
    case Layer::Network:
        return QCoreApplication::translate("Layer", "Network");
    case Layer::Platform:
        return QCoreApplication::translate("Layer", "Platform");
    case Layer::Function:
        return QCoreApplication::translate("Layer", "Functions");
    case Layer::App:
        return QCoreApplication::translate("Layer", "Apps");
    case Layer::Other:
        return QCoreApplication::translate("Layer", "Helpers");
    }
    return {};
}

QString kindName(Kind k)
{
    switch (k) {
    case Kind::IpRange: return QCoreApplication::translate("Kind", "IP range");
    case Kind::Port: return QCoreApplication::translate("Kind", "Port");
    case Kind::Protocol: return QCoreApplication::translate("Kind", "Protocol");
    case Kind::Domain: return QCoreApplication::translate("Kind", "Domain");
    case Kind::Dns: return QCoreApplication::translate("Kind", "DNS");
    case Kind::Cdn: return QCoreApplication::translate("Kind", "CDN");
    case Kind::Cloud: return QCoreApplication::translate("Kind", "Cloud");
    case Kind::Network: return QCoreApplication::translate("Kind", "Network");
    case Kind::PlatformService: return QCoreApplication::translate("Kind", "Platform service");
    case Kind::Service: return QCoreApplication::translate("Kind", "Service");
    case Kind::Function: return QCoreApplication::translate("Kind", "Function");
    case Kind::App: return QCoreApplication::translate("Kind", "App");
    case Kind::Countermeasure: return QCoreApplication::translate("Kind", "Countermeasure");
    case Kind::Gate: return QCoreApplication::translate("Kind", "Logic gate");
    }
    return {};
}

QString kindNameInText(Kind k)
{
    QString name = kindName(k);
    if (name.size() > 1 && name[0].isUpper() && name[1].isLower())
        name[0] = name[0].toLower();
    return name;
}

} // namespace chokepoint::ui
