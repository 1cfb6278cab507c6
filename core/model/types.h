#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace chokepoint {

/// The state of a node under a scenario, ordered failed < degraded < ok (DESIGN.md §3).
enum class State : std::uint8_t { Failed = 0, Degraded = 1, Ok = 2 };

/// What a node is; its layer follows from it (DESIGN.md §2).
enum class Kind : std::uint8_t
{
    IpRange,
    Port,
    Protocol,
    Domain,
    Dns,
    Cdn,
    Cloud,
    Network,
    PlatformService,
    Service,
    Function,
    App,
    Countermeasure,
    Gate,
};
inline constexpr int kKindCount = 14;

/// The layer a kind is drawn in, bottom to top. Countermeasures and gates belong to any layer.
enum class Layer : std::uint8_t { Network, Platform, Function, App, Other };
inline constexpr int kLayerCount = 5;

enum class GateKind : std::uint8_t { All, Any, AtLeast };
enum class DepType : std::uint8_t { Hard, Fallback, Soft };
enum class Confidence : std::uint8_t { Unset, High, Medium, Low };
enum class Grade : std::uint8_t { Vendor, Measurement, Press, ReverseEngineered, Inference };
enum class ActionType : std::uint8_t { Block, Throttle, Enable };

std::string_view toString(State s);
std::string_view toString(Kind k);
std::string_view toString(Layer l);
std::string_view toString(DepType t);
std::string_view toString(Confidence c);
std::string_view toString(Grade g);
std::string_view toString(ActionType a);

std::optional<State> parseState(std::string_view s);
std::optional<Kind> parseKind(std::string_view s);
std::optional<DepType> parseDepType(std::string_view s);
std::optional<Confidence> parseConfidence(std::string_view s);
std::optional<Grade> parseGrade(std::string_view s);
std::optional<ActionType> parseActionType(std::string_view s);

Layer layerOf(Kind k);

/// True for the kinds whose `users` count towards "users lost" (functions and apps).
inline bool countsUsers(Kind k) { return k == Kind::Function || k == Kind::App; }

/// The most `users` one node may claim: more than everyone alive (about 8.2 billion in 2026), so
/// any real figure fits, and small enough that a billion nodes' worth cannot overflow a sum.
inline constexpr std::int64_t kMaxUsers = 10'000'000'000;

/**
 * `total + users`, held at the largest int64 instead of overflowing. Validation bounds each node's
 * users by kMaxUsers, so a sum over a loadable model never reaches the bound; this keeps every
 * figure defined even for a model built in code without validation.
 */
inline std::int64_t addUsers(std::int64_t total, std::int64_t users)
{
    std::int64_t sum = 0;
    if (__builtin_add_overflow(total, users, &sum))
        return users < 0 ? std::numeric_limits<std::int64_t>::min() : std::numeric_limits<std::int64_t>::max();
    return sum;
}

/// True when `id` matches `[A-Za-z0-9_][A-Za-z0-9._-]*`.
bool isValidId(std::string_view id);

} // namespace chokepoint
