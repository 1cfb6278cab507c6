#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace chokepoint {

/// Half-open range [begin, end) of indexes.
struct IndexRange
{
    std::size_t begin = 0;
    std::size_t end = 0;
};

/// Splits [0, n) into `parts` ranges of nearly equal size, in order.
inline std::vector<IndexRange> splitRange(std::size_t n, std::size_t parts)
{
    std::vector<IndexRange> ranges(parts);
    for (std::size_t i = 0; i < parts; ++i)
        ranges[i] = {n * i / parts, n * (i + 1) / parts};
    return ranges;
}

/// How many threads are worth starting for `n` items when each thread should have at least
/// `minPerThread` of them: 1 to the number of cores (at most `cap`).
inline std::size_t threadsFor(std::size_t n, std::size_t minPerThread, std::size_t cap = 4)
{
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    return std::clamp<std::size_t>(n / std::max<std::size_t>(minPerThread, 1), 1, std::min(cores, cap));
}

/// Runs task(0) … task(count - 1), on as many threads when `parallel` (task 0 on the calling
/// thread); rethrows the first failure, in task order, once all have finished.
template <typename F> void runTasks(std::size_t count, bool parallel, F task)
{
    std::vector<std::exception_ptr> errors(count);
    auto run = [&](std::size_t i) {
        try {
            task(i);
        } catch (...) {
            errors[i] = std::current_exception();
        }
    };
    if (parallel && count > 1) {
        std::vector<std::thread> threads;
        threads.reserve(count - 1);
        for (std::size_t i = 1; i < count; ++i)
            threads.emplace_back(run, i);
        run(0);
        for (std::thread &t : threads)
            t.join();
    } else {
        for (std::size_t i = 0; i < count; ++i)
            run(i);
    }
    for (const std::exception_ptr &e : errors) {
        if (e)
            std::rethrow_exception(e);
    }
}

/// Runs task(range) for each of `parts` ranges that split [0, n), each on its own thread.
template <typename F> void forRanges(std::size_t n, std::size_t parts, F task)
{
    const std::vector<IndexRange> ranges = splitRange(n, parts);
    runTasks(ranges.size(), ranges.size() > 1, [&](std::size_t i) { task(i, ranges[i]); });
}

} // namespace chokepoint
