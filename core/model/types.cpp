#include "model/types.h"

#include <array>

namespace chokepoint {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::string_view, N> &names, std::string_view s)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (names[i] == s)
            return static_cast<E>(i);
    }
    return std::nullopt;
}

constexpr std::array<std::string_view, 3> kStateNames{"failed", "degraded", "ok"};
constexpr std::array<std::string_view, kKindCount> kKindNames{
    "ip-range", "port", "protocol", "domain", "dns", "cdn", "cloud", "network",
    "platform-service", "service", "function", "app", "countermeasure", "gate"};
constexpr std::array<std::string_view, kLayerCount> kLayerNames{"network", "platform", "function", "app",
                                                                "other"};
constexpr std::array<std::string_view, 3> kDepTypeNames{"hard", "fallback", "soft"};
constexpr std::array<std::string_view, 4> kConfidenceNames{"", "high", "medium", "low"};
constexpr std::array<std::string_view, 5> kGradeNames{"vendor", "measurement", "press", "reverse-engineered",
                                                      "inference"};
constexpr std::array<std::string_view, 3> kActionNames{"block", "throttle", "enable"};

} // namespace

std::string_view toString(State s) { return kStateNames[static_cast<std::size_t>(s)]; }
std::string_view toString(Kind k) { return kKindNames[static_cast<std::size_t>(k)]; }
std::string_view toString(Layer l) { return kLayerNames[static_cast<std::size_t>(l)]; }
std::string_view toString(DepType t) { return kDepTypeNames[static_cast<std::size_t>(t)]; }
std::string_view toString(Confidence c) { return kConfidenceNames[static_cast<std::size_t>(c)]; }
std::string_view toString(Grade g) { return kGradeNames[static_cast<std::size_t>(g)]; }
std::string_view toString(ActionType a) { return kActionNames[static_cast<std::size_t>(a)]; }

std::optional<State> parseState(std::string_view s) { return lookup<State>(kStateNames, s); }
std::optional<Kind> parseKind(std::string_view s) { return lookup<Kind>(kKindNames, s); }
std::optional<DepType> parseDepType(std::string_view s) { return lookup<DepType>(kDepTypeNames, s); }
std::optional<Grade> parseGrade(std::string_view s) { return lookup<Grade>(kGradeNames, s); }
std::optional<ActionType> parseActionType(std::string_view s) { return lookup<ActionType>(kActionNames, s); }

std::optional<Confidence> parseConfidence(std::string_view s)
{
    if (s.empty())
        return std::nullopt;
    return lookup<Confidence>(kConfidenceNames, s);
}

Layer layerOf(Kind k)
{
    switch (k) {
    case Kind::IpRange:
    case Kind::Port:
    case Kind::Protocol:
    case Kind::Domain:
    case Kind::Dns:
    case Kind::Cdn:
    case Kind::Cloud:
    case Kind::Network:
        return Layer::Network;
    case Kind::PlatformService:
    case Kind::Service:
        return Layer::Platform;
    case Kind::Function:
        return Layer::Function;
    case Kind::App:
        return Layer::App;
    case Kind::Countermeasure:
    case Kind::Gate:
        return Layer::Other;
    }
    return Layer::Other;
}

bool isValidId(std::string_view id)
{
    if (id.empty())
        return false;
    auto word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    if (!word(id.front()))
        return false;
    for (char c : id.substr(1)) {
        if (!word(c) && c != '.' && c != '-')
            return false;
    }
    return true;
}

} // namespace chokepoint
