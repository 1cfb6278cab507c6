#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <optional>
#include <pthread.h>
#include <type_traits>
#include <utility>

namespace chokepoint {

/**
 * A thread with a stack of a chosen size, joined when it goes away (as std::jthread is).
 *
 * The decision-diagram algorithms (apply, union, product, minimal solutions, counting) recurse
 * once per level of their diagrams, and the file being analysed decides how many levels there
 * are: an OR gate of 200,000 basic events recurses 200,000 deep, far past the 8 MB a thread gets
 * by default. Analyses run on such a thread, with a stack sized for their diagrams; only the
 * pages it touches become memory, the rest is address space.
 */
class DeepThread
{
public:
    /// Starts `work` on a thread with a stack of `stackBytes` (or less, down to 64 MB, when the
    /// system refuses that much address space); throws std::system_error when no thread can be
    /// made. An exception `work` throws is kept for error().
    DeepThread(std::size_t stackBytes, std::function<void()> work);
    ~DeepThread();
    DeepThread(const DeepThread &) = delete;
    DeepThread &operator=(const DeepThread &) = delete;

    /// Waits for the work to end (again is a no-op).
    void join();
    /// What the work threw, once joined; null when it returned.
    std::exception_ptr error() const { return m_error; }

private:
    static void *start(void *self);

    std::function<void()> m_work;
    std::exception_ptr m_error;
    pthread_t m_thread{};
    bool m_joined = false;
};

/// The stack for an analysis whose diagrams have at most `levels` levels: 64 MB, and more for
/// deep ones (each level can hold a few frames of the recursive diagram algorithms at once), up
/// to 2 GB of address space.
std::size_t stackForLevels(std::size_t levels);

/// Runs `work` on a DeepThread with a stack of `stackBytes`, waits for it and returns what it
/// returned, or rethrows what it threw.
template <typename F> auto runOnDeepStack(std::size_t stackBytes, F work) -> decltype(work())
{
    using Result = decltype(work());
    if constexpr (std::is_void_v<Result>) {
        DeepThread thread(stackBytes, [&] { work(); });
        thread.join();
        if (thread.error())
            std::rethrow_exception(thread.error());
    } else {
        std::optional<Result> result;
        DeepThread thread(stackBytes, [&] { result.emplace(work()); });
        thread.join();
        if (thread.error())
            std::rethrow_exception(thread.error());
        return std::move(*result);
    }
}

} // namespace chokepoint
