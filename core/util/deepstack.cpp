#include "util/deepstack.h"

#include <algorithm>
#include <cerrno>
#include <string>
#include <system_error>

namespace chokepoint {

DeepThread::DeepThread(std::size_t stackBytes, std::function<void()> work) : m_work(std::move(work))
{
    pthread_attr_t attr;
    if (int error = pthread_attr_init(&attr))
        throw std::system_error(error, std::generic_category(), "starting an analysis thread");
    // Under a limit on address space (ulimit -v) a large stack can be refused: half as much is
    // tried, down to the 64 MB every analysis gets, before giving up.
    constexpr std::size_t kLeast = std::size_t{64} << 20;
    int error = 0;
    for (std::size_t bytes = std::max<std::size_t>(stackBytes, PTHREAD_STACK_MIN);; bytes /= 2) {
        error = pthread_attr_setstacksize(&attr, bytes);
        if (!error)
            error = pthread_create(&m_thread, &attr, &DeepThread::start, this);
        if ((error != EAGAIN && error != ENOMEM) || bytes / 2 < std::min(kLeast, stackBytes))
            break;
    }
    pthread_attr_destroy(&attr);
    if (error)
        throw std::system_error(error, std::generic_category(),
                                "starting an analysis thread with a stack of " +
                                    std::to_string(stackBytes >> 20) + " MB");
}

DeepThread::~DeepThread()
{
    join();
}

void DeepThread::join()
{
    if (m_joined)
        return;
    pthread_join(m_thread, nullptr);
    m_joined = true;
}

void *DeepThread::start(void *self)
{
    auto *thread = static_cast<DeepThread *>(self);
    try {
        thread->m_work();
    } catch (...) {
        thread->m_error = std::current_exception();
    }
    return nullptr;
}

std::size_t stackForLevels(std::size_t levels)
{
    // Measured on a 200,000-input AND and OR and a 200,000-gate alternating chain: a release build
    // needs 128 bytes per level as counted here, an AddressSanitizer build 1,024. Four times that,
    // on top of 64 MB.
#if defined(__SANITIZE_ADDRESS__)
    constexpr std::size_t kPerLevel = 4096;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    constexpr std::size_t kPerLevel = 4096;
#else
    constexpr std::size_t kPerLevel = 512;
#endif
#else
    constexpr std::size_t kPerLevel = 512;
#endif
    constexpr std::size_t kBase = std::size_t{64} << 20;
    constexpr std::size_t kMost = std::size_t{2} << 30; // address space, not memory
    return std::min(kMost, kBase + levels * kPerLevel);
}

} // namespace chokepoint
