#pragma once

#include "document/document.h"
#include "io/jsonformat.h"

#include <memory>

namespace chokepoint::test {

/// A document on one of the shipped models in data/.
inline std::unique_ptr<ui::Document> shippedDocument(const char *file = "starter.json")
{
    DocumentData data;
    data.model = readJsonModel(std::string(CHOKEPOINT_DATA_DIR) + "/" + file);
    return std::make_unique<ui::Document>(std::move(data));
}

} // namespace chokepoint::test
