#pragma once

#include "model/model.h"

#include <cstdint>

namespace chokepoint {

/**
 * A synthetic iPhone ecosystem of realistic shape, for scale tests and benchmarks: a few hundred
 * network and platform nodes (ports, IP ranges, DNS, CDNs, clouds, Apple's platform services, SDK
 * back ends), a handful of functions, and `apps` apps. Each app has 3–8 dependencies: push through
 * APNs, its own API domain (blockable, as censors block apps by domain), a cloud or CDN, SDKs;
 * some reach their back end through an `any` gate with a fallback, and analytics SDKs are soft.
 * The same `seed` gives the same model on every platform (Boost's portable random engines).
 */
Model generateEcosystem(std::size_t apps, std::uint64_t seed);

} // namespace chokepoint
