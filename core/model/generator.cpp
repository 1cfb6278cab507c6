#include "model/generator.h"

#include <boost/random/mersenne_twister.hpp>
#include <boost/random/uniform_int_distribution.hpp>
#include <boost/random/uniform_real_distribution.hpp>

#include <array>
#include <cmath>
#include <string>

namespace chokepoint {
namespace {

class Builder
{
public:
    explicit Builder(std::uint64_t seed) : m_rng(static_cast<std::uint32_t>(seed ^ (seed >> 32))) {}

    Model model;

    std::size_t uniform(std::size_t lo, std::size_t hi) // inclusive
    {
        return boost::random::uniform_int_distribution<std::size_t>(lo, hi)(m_rng);
    }
    double real() { return boost::random::uniform_real_distribution<double>(0.0, 1.0)(m_rng); }

    Node &add(std::string id, std::string name, Kind kind, bool blockable, std::string category = {})
    {
        Node n;
        n.id = std::move(id);
        n.name = std::move(name);
        n.kind = kind;
        n.blockable = blockable;
        n.category = std::move(category);
        model.nodes.push_back(std::move(n));
        return model.nodes.back();
    }

    /// Adds `count` nodes named `prefix-i`, returning their ids.
    std::vector<std::string> family(const std::string &prefix, const std::string &label, std::size_t count,
                                    Kind kind, bool blockable, const std::string &category)
    {
        std::vector<std::string> ids;
        for (std::size_t i = 1; i <= count; ++i) {
            ids.push_back(prefix + "-" + std::to_string(i));
            add(ids.back(), label + " " + std::to_string(i), kind, blockable, category);
        }
        return ids;
    }

    const std::string &pick(const std::vector<std::string> &ids) { return ids[uniform(0, ids.size() - 1)]; }

private:
    boost::random::mt19937 m_rng;
};

void depend(Node &n, const std::string &id, DepType type = DepType::Hard)
{
    n.dependsOn.emplace_back(id, type);
}

} // namespace

Model generateEcosystem(std::size_t apps, std::uint64_t seed)
{
    Builder b(seed);
    Model &m = b.model;
    m.info.id = "synthetic-" + std::to_string(apps) + "-" + std::to_string(seed);
    m.info.title = "Synthetic ecosystem: " + std::to_string(apps) + " apps (seed " + std::to_string(seed) + ")";
    m.info.description = "Generated for scale tests; no node here describes a real service.";
    m.nodes.reserve(apps * 2 + 600);

    // Network layer: transports, address space, name resolution, delivery.
    auto ports = b.family("port", "Port", 24, Kind::Port, true, "transport");
    auto protocols = b.family("proto", "Protocol", 6, Kind::Protocol, true, "transport");
    auto ranges = b.family("range", "IP range", 80, Kind::IpRange, true, "address-space");
    auto dns = b.family("dns", "DNS resolver", 6, Kind::Dns, true, "dns");
    auto cdns = b.family("cdn", "CDN", 12, Kind::Cdn, true, "cdn");
    auto clouds = b.family("cloud", "Cloud region", 40, Kind::Cloud, true, "cloud");
    for (std::size_t i = 0; i < clouds.size(); ++i) {
        Node &n = m.nodes[m.nodes.size() - clouds.size() + i];
        depend(n, ranges[(2 * i) % ranges.size()]);
        depend(n, ranges[(2 * i + 1) % ranges.size()]);
    }
    for (std::size_t i = 0; i < cdns.size(); ++i) {
        Node &n = m.nodes[m.nodes.size() - clouds.size() - cdns.size() + i];
        depend(n, b.pick(ranges));
    }
    auto sharedDomains = b.family("domain", "Shared domain", 150, Kind::Domain, true, "domain");
    for (std::size_t i = 0; i < sharedDomains.size(); ++i) {
        Node &n = m.nodes[m.nodes.size() - sharedDomains.size() + i];
        n.gate = Gate{GateKind::Any, 0};
        depend(n, dns[i % dns.size()]);
        depend(n, dns[(i + 1) % dns.size()], DepType::Fallback);
    }

    // Platform layer: the push service with its port fallback, identity, storage, store, SDKs.
    Node &apnsTransport = b.add("apns-transport", "Push transport", Kind::Gate, false);
    apnsTransport.gate = Gate{GateKind::Any, 0};
    depend(apnsTransport, ports[0]);
    depend(apnsTransport, ports[1], DepType::Fallback);
    Node &apns = b.add("apns", "Push service", Kind::PlatformService, true, "platform");
    depend(apns, "apns-transport");
    depend(apns, ranges[0]);
    depend(apns, sharedDomains[0]);
    Node &ids = b.add("ids", "Identity service", Kind::PlatformService, true, "platform");
    depend(ids, ranges[0]);
    depend(ids, sharedDomains[1]);
    Node &store = b.add("app-store", "App store", Kind::PlatformService, true, "platform");
    depend(store, cdns[0]);
    depend(store, sharedDomains[2]);
    auto sdks = b.family("sdk", "SDK back end", 120, Kind::Service, true, "sdk");
    for (std::size_t i = 0; i < sdks.size(); ++i) {
        Node &n = m.nodes[m.nodes.size() - sdks.size() + i];
        depend(n, b.pick(clouds));
        depend(n, b.pick(sharedDomains));
    }
    depend(b.add("vpn", "VPN", Kind::Countermeasure, false, "countermeasure"), protocols[0]);

    // Functions people use.
    Node &push = b.add("receive-push", "Receive a push", Kind::Function, false, "platform");
    depend(push, "apns");
    push.users = 30'000'000;
    Node &install = b.add("install-apps", "Install and update apps", Kind::Function, false, "platform");
    depend(install, "app-store");
    install.users = 30'000'000;
    Node &messaging = b.add("platform-messaging", "Platform messaging", Kind::Function, false, "messaging");
    depend(messaging, "apns");
    depend(messaging, "ids");
    messaging.users = 20'000'000;

    // Apps: a long tail of users (Zipf-like), 3–8 dependencies each.
    static const std::array<const char *, 8> kCategories{"messaging", "banking", "shopping", "social",
                                                         "maps",      "video",   "games",    "news"};
    for (std::size_t a = 1; a <= apps; ++a) {
        const std::string n = std::to_string(a);
        const std::size_t deps = b.uniform(3, 8);
        std::string backend = b.pick(clouds);
        const bool ownDomain = b.real() < 0.7;
        if (ownDomain) {
            Node &d = b.add("api.app-" + n, "API of app " + n, Kind::Domain, true, "domain");
            const bool multiHomed = b.real() < 0.15;
            if (multiHomed) {
                d.gate = Gate{GateKind::Any, 0};
                depend(d, backend);
                depend(d, b.pick(cdns), DepType::Fallback);
            } else {
                depend(d, backend);
            }
            backend = d.id;
        }
        Node &app = b.add("app-" + n, "App " + n, Kind::App, false, kCategories[a % kCategories.size()]);
        app.users = static_cast<std::int64_t>(20'000'000.0 / std::pow(static_cast<double>(a), 0.9)) + 100;
        depend(app, backend);
        depend(app, "receive-push");
        std::size_t added = 2;
        if (added < deps && b.real() < 0.5) {
            depend(app, b.pick(cdns));
            ++added;
        }
        while (added < deps) {
            const std::string &sdk = b.pick(sdks);
            bool dup = false;
            for (const Dependency &dd : app.dependsOn)
                dup |= dd.node == sdk;
            if (dup)
                continue;
            depend(app, sdk, b.real() < 0.3 ? DepType::Soft : DepType::Hard);
            ++added;
        }
    }
    m.reindex();
    return m;
}

} // namespace chokepoint
