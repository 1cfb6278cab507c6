#pragma once

// What the harnesses share: reading choices from the fuzzer's bytes, a private temporary folder,
// a small model built in code, and one routine that runs the engine on whatever loaded.

#include "model/model.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace chokepoint::fuzz {

/**
 * Reads decisions from the fuzzer's input front to back. Past the end every read returns zero
 * (or empty), so any input is a complete program and a short one means "the simplest choices";
 * small inputs stay easy to write by hand and to read in a minimised crash.
 */
class ByteReader
{
public:
    ByteReader(const std::uint8_t *data, std::size_t size) : m_data(data, size) {}

    bool empty() const { return m_pos >= m_data.size(); }
    std::size_t remaining() const { return empty() ? 0 : m_data.size() - m_pos; }

    std::uint8_t byte() { return empty() ? 0 : m_data[m_pos++]; }
    bool flag() { return byte() & 1; }
    /// A value in [0, n) from one byte (two when n > 256); 0 when n is 0.
    std::size_t below(std::size_t n);
    /// Big-endian, `bytes` bytes (at most 8).
    std::uint64_t bits(int bytes);
    /// One of `items` (which must not be empty).
    template <typename T, std::size_t N> const T &pick(const T (&items)[N]) { return items[below(N)]; }
    /// A string of up to `maxLength` bytes: a length byte, then the bytes.
    std::string string(std::size_t maxLength);
    /// Whatever is left, as text.
    std::string rest();

private:
    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
};

/**
 * Extra coverage for libFuzzer: records that `feature` (below kFeatures) took a value in one of a
 * few buckets (negative, 0, 1, 2, 3, 4–7, 8–15, 16 and more). libFuzzer keeps an input that shows
 * a new (feature, bucket) pair as if it had reached new code, which gives a harness a gradient
 * through states the code under test does not tell apart by its branches (a key column declared
 * TEXT, then spelt '01', then out of step with its count) until one of them breaks it.
 */
inline constexpr std::size_t kFeatures = 64;
void signal(std::size_t feature, std::int64_t value);

/// A folder of this process's own, $TMPDIR/chokepoint-fuzz/<pid> (or under /tmp), removed at exit.
const std::filesystem::path &tempDir();

/// Writes `bytes` to `path`, replacing it; aborts when that fails (the harness is broken, not the code).
void writeFile(const std::filesystem::path &path, std::string_view bytes);
std::string readFile(const std::filesystem::path &path);

/// A valid model of eight nodes over every kind of gate and edge, with two scenarios: the
/// harnesses that need a well-formed start (the document's tables, the command line) use it.
Model smallModel();

/// An Open-PSA MEF tree with a few gates, for the command line.
std::string smallMefText();

/// How much of the engine exerciseModel() runs, so that big inputs stay within time and memory.
struct EngineLimits
{
    std::size_t analysisNodes = 2000; ///< explain, rank and cut sets only up to this many nodes
    std::size_t explainNodes = 4;     ///< how many failed or degraded nodes to explain
    bool rank = true;
    std::size_t cutSetTargets = 2;
    std::size_t cutSetMaxSize = 3;
    std::size_t cutSetLimit = 10;
    std::size_t diagramNodes = std::size_t{1} << 20; ///< keeps hard but honest inputs within memory
};

/**
 * Runs the engine on a validated model under its default scenario: the full evaluation and the
 * impact always, then (for models no larger than limits.analysisNodes) explanations, the ranking
 * and cut sets of the scenario's targets (or the first functions and apps). Only the analysis
 * errors the engine documents are caught; anything else is a finding.
 */
void exerciseModel(const Model &model, const EngineLimits &limits = {});

/// True when FUZZ_VERBOSE is set: harnesses then say what they do with an input (for reproducing).
bool verbose();

/// Reports a broken invariant and aborts, so that libFuzzer records the input.
[[noreturn]] void finding(const std::string &what);

} // namespace chokepoint::fuzz
