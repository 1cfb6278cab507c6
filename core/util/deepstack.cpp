#include "util/deepstack.h"

#include <algorithm>
#include <string>
#include <system_error>

namespace chokepoint {

DeepThread::DeepThread(std::size_t stackBytes, std::function<void()> work) : m_work(std::move(work))
{
    pthread_attr_t attr;
    if (int error = pthread_attr_init(&attr))
        throw std::system_error(error, std::generic_category(), "starting an analysis thread");
    int error = pthread_attr_setstacksize(&attr, std::max<std::size_t>(stackBytes, PTHREAD_STACK_MIN));
    if (!error)
        error = pthread_create(&m_thread, &attr, &DeepThread::start, this);
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
    // A level's frames take a few hundred bytes in a release build; a sanitizer build's take
    // several times that, hence the generous share.
    constexpr std::size_t kBase = std::size_t{64} << 20;
    constexpr std::size_t kPerLevel = 4096;
    constexpr std::size_t kMost = std::size_t{4} << 30; // address space, not memory
    return std::min(kMost, kBase + levels * kPerLevel);
}

} // namespace chokepoint
