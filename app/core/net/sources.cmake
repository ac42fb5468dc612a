target_sources(tidesk_core PRIVATE
    net/HttpError.h net/HttpError.cpp
)
