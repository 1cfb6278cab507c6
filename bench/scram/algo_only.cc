// SCRAM's algorithms alone, for bench/scram_side_by_side: its preprocessing and its BDD->ZBDD
// (or its ZBDD) through libscram, then the count of the final ZBDD's paths, without listing
// them. This is our harness, not part of SCRAM and not part of Chokepoint; building it needs a
// SCRAM 0.16.2 build (bench/README.md, "SCRAM side by side").
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

#include "src/bdd.h"
#include "src/event.h"
#include "src/fault_tree.h"
#include "src/initializer.h"
#include "src/logger.h"
#include "src/model.h"
#include "src/pdag.h"
#include "src/preprocessor.h"
#include "src/settings.h"
#include "src/zbdd.h"

using namespace scram;
using core::Zbdd;
using core::SetNode;
using VPtr = Zbdd::VertexPtr;

// Standard explicit-instantiation access trick to reach protected accessors.
template <typename Tag, typename Tag::type M>
struct Rob { friend typename Tag::type get(Tag) { return M; } };
struct ZRoot { using type = const VPtr& (Zbdd::*)() const; friend type get(ZRoot); };
struct ZMods {
  using type = const std::map<int, std::unique_ptr<Zbdd>>& (Zbdd::*)() const;
  friend type get(ZMods);
};
template struct Rob<ZRoot, &Zbdd::root>;
template struct Rob<ZMods, &Zbdd::modules>;

using U = unsigned __int128;
struct Counter {
  std::unordered_map<const void*, U> memo;
  long long nodes = 0;
  U Count(const Zbdd& z, const VPtr& v) {
    if (v->terminal()) return v->id();
    auto it = memo.find(v.get());
    if (it != memo.end()) return it->second;
    ++nodes;
    const SetNode& n = SetNode::Ref(v);
    U r;
    if (n.module()) {
      const Zbdd& m = *(z.*get(ZMods()))().at(n.index());
      r = Count(m, (m.*get(ZRoot()))()) * Count(z, n.high()) + Count(z, n.low());
    } else {
      r = Count(z, n.high()) + Count(z, n.low());
    }
    memo.emplace(v.get(), r);
    return r;
  }
};

static std::string U2S(U x) {
  if (!x) return "0";
  std::string s;
  while (x) { s.insert(s.begin(), char('0' + int(x % 10))); x /= 10; }
  return s;
}

int main(int argc, char** argv) {
  if (argc < 3) { std::fprintf(stderr, "usage: %s bdd|zbdd file.xml [verbosity]\n", argv[0]); return 2; }
  std::string alg = argv[1];
  if (argc > 3) Logger::report_level(static_cast<LogLevel>(std::atoi(argv[3])));
  using clk = std::chrono::steady_clock;
  auto sec = [](clk::time_point a, clk::time_point b) { return std::chrono::duration<double>(b - a).count(); };
  core::Settings settings;
  auto t0 = clk::now();
  std::unique_ptr<mef::Model> model = mef::Initializer({argv[2]}, settings).model();
  int num_be = 0;
  for (const auto& be : model->basic_events()) { (void)be; ++num_be; }
  settings.limit_order(num_be);
  settings.algorithm(alg == "zbdd" ? core::Algorithm::kZbdd : core::Algorithm::kBdd);
  const mef::Gate* top = nullptr;
  for (const mef::FaultTree& ft : model->fault_trees())
    for (const mef::Gate* g : ft.top_events()) top = g;
  auto t1 = clk::now();  // ---- algorithm-only timing starts here ----
  core::Pdag graph(*top, false, model.get());
  std::unique_ptr<core::Bdd> bdd;
  std::unique_ptr<Zbdd> zbdd;
  const Zbdd* result = nullptr;
  clk::time_point t2, t3;
  if (alg == "zbdd") {
    core::CustomPreprocessor<Zbdd>{&graph}();
    t2 = clk::now();
    zbdd = std::make_unique<Zbdd>(&graph, settings);
    zbdd->Analyze(&graph);
    result = &zbdd->products();
  } else {
    core::CustomPreprocessor<core::Bdd>{&graph}();
    t2 = clk::now();
    bdd = std::make_unique<core::Bdd>(&graph, settings);
    bdd->Analyze(&graph);
    result = &bdd->products();
  }
  t3 = clk::now();
  Counter c;
  U n = c.Count(*result, ((*result).*get(ZRoot()))());
  auto t4 = clk::now();
  std::printf("tree=%s alg=%s basic_events=%d limit=%d\n", argv[2], alg.c_str(), num_be, num_be);
  std::printf("parse_s=%.4f pdag+preprocess_s=%.4f algorithm_s=%.4f count_s=%.4f algo_only_total_s=%.4f\n",
              sec(t0, t1), sec(t1, t2), sec(t2, t3), sec(t3, t4), sec(t1, t4));
  std::printf("mcs=%s final_zbdd_nonterminal_nodes_visited=%lld\n", U2S(n).c_str(), c.nodes);
  return 0;
}
