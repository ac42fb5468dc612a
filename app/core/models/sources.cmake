target_sources(tidesk_core PRIVATE)
