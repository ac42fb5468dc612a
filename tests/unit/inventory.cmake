# Inventory slice: store (SQLite), importers/exporter, sidebar model. Test data lives in
# tests/data/inventory (TIDESK_INVENTORY_DATA_DIR; TIDESK_TEST_DATA_DIR points at tests/unit/data).
foreach(_t tst_inventorystore tst_importers tst_inventorymodel)
    tidesk_add_test(${_t} SOURCES ${CMAKE_CURRENT_LIST_DIR}/${_t}.cpp LIBS tidesk_core LABEL unit)
    target_compile_definitions(${_t} PRIVATE
        TIDESK_INVENTORY_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data/inventory")
endforeach()
target_link_libraries(tst_inventorystore PRIVATE Qt6::Sql Qt6::Concurrent)
