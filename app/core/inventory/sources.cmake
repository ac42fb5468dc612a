target_sources(tidesk_core PRIVATE
    inventory/Environment.h inventory/Environment.cpp
    inventory/ImportInput.h inventory/ImportInput.cpp
    inventory/ImportOptions.h
    inventory/InventoryImport.h inventory/InventoryImport.cpp
    inventory/InventoryImporter.h inventory/InventoryImporter.cpp
    inventory/InventoryJson.h inventory/InventoryJson.cpp
    inventory/InventoryModel.h inventory/InventoryModel.cpp
    inventory/InventoryStore.h inventory/InventoryStore.cpp
    inventory/JsonReader.h inventory/JsonReader.cpp
    inventory/LocalSandbox.h inventory/LocalSandbox.cpp
    inventory/TiupDisplayImporter.h inventory/TiupDisplayImporter.cpp
    inventory/TiupMetaImporter.h inventory/TiupMetaImporter.cpp
    inventory/TiupSpecReader.h inventory/TiupSpecReader.cpp
    inventory/TiupTopologyImporter.h inventory/TiupTopologyImporter.cpp
)
