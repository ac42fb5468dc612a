target_sources(tidesk_ui PRIVATE)
