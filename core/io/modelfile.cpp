#include "io/modelfile.h"

#include "io/graphexport.h"
#include "io/jsonformat.h"
#include "io/mefimport.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace chokepoint {
namespace {

std::string lowerExtension(const std::string &path)
{
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

} // namespace

FileFormat formatOf(const std::string &path)
{
    const std::string ext = lowerExtension(path);
    if (ext == ".json")
        return FileFormat::JsonModel;
    if (ext == ".chokepoint")
        return FileFormat::Document;
    if (ext == ".xml")
        return FileFormat::Mef;
    if (ext == ".graphml")
        return FileFormat::GraphML;
    if (ext == ".dot" || ext == ".gv")
        return FileFormat::Dot;
    return FileFormat::Unknown;
}

DocumentData loadModelFile(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
        throw InputError(path, "no such file");
    if (std::filesystem::is_directory(path, ec))
        throw InputError(path, "is a directory, not a model file");
    switch (formatOf(path)) {
    case FileFormat::JsonModel: {
        DocumentData doc;
        doc.model = readJsonModel(path);
        return doc;
    }
    case FileFormat::Document:
        return readDocument(path);
    case FileFormat::Mef: {
        DocumentData doc;
        doc.model = readMefModel(path);
        return doc;
    }
    default:
        throw InputError(path, "unknown file type: expected .json, .chokepoint or Open-PSA MEF .xml");
    }
}

void writeFileAtomically(const std::string &path, const std::string &text)
{
    std::string temp = path + ".tmp-XXXXXX";
    const int fd = mkstemp(temp.data());
    if (fd < 0)
        throw InputError(path, std::string("cannot create a temporary file beside it: ") + std::strerror(errno));
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(temp.c_str());
            throw InputError(path, "writing failed: " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    const bool closed = ::close(fd) == 0;
    std::error_code ec;
    std::filesystem::permissions(temp, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write |
                                           std::filesystem::perms::group_read | std::filesystem::perms::others_read,
                                 ec);
    if (!synced || !closed) {
        ::unlink(temp.c_str());
        throw InputError(path, "writing failed while flushing to disk");
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) {
        ::unlink(temp.c_str());
        throw InputError(path, "cannot replace the file: " + ec.message());
    }
}

void saveModelFile(const DocumentData &doc, const std::string &path)
{
    switch (formatOf(path)) {
    case FileFormat::JsonModel:
        writeFileAtomically(path, toJsonText(doc.model));
        return;
    case FileFormat::Document:
        writeDocument(doc, path);
        return;
    case FileFormat::GraphML: {
        std::ostringstream out;
        writeGraphML(doc.model, nullptr, out);
        writeFileAtomically(path, std::move(out).str());
        return;
    }
    case FileFormat::Dot: {
        std::ostringstream out;
        writeDot(doc.model, nullptr, out);
        writeFileAtomically(path, std::move(out).str());
        return;
    }
    default:
        throw InputError(path, "cannot write this file type: use .json, .chokepoint, .graphml or .dot");
    }
}

} // namespace chokepoint
