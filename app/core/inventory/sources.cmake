target_sources(tidesk_core PRIVATE
    inventory/Environment.h inventory/Environment.cpp
    inventory/InventoryStore.h
)
