# Benchmarks: programs that print figures, run by ./run bench [NAME]. Never timed assertions.
add_executable(bench_minimal_widgets bench_minimal_widgets.cpp)
target_link_libraries(bench_minimal_widgets PRIVATE Qt6::Widgets)

add_executable(bench_startup bench_startup.cpp)
target_link_libraries(bench_startup PRIVATE tidesk_core tidesk_warnings)
target_compile_definitions(bench_startup PRIVATE
    TIDESK_GUI_BINARY="$<TARGET_FILE:tidesk>"
    TIDESK_MINIMAL_BINARY="$<TARGET_FILE:bench_minimal_widgets>")
add_dependencies(bench_startup tidesk bench_minimal_widgets)

add_executable(bench_tunnel bench_tunnel.cpp)
target_link_libraries(bench_tunnel PRIVATE tidesk_core tidesk_warnings Qt6::Concurrent)
target_include_directories(bench_tunnel PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)

add_executable(bench_charts bench_charts.cpp)
target_link_libraries(bench_charts PRIVATE tidesk_widgets tidesk_warnings)
add_executable(bench_fleet bench_fleet.cpp)
target_link_libraries(bench_fleet PRIVATE tidesk_core tidesk_warnings Qt6::Concurrent Qt6::Network)
target_include_directories(bench_fleet PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)

# ./run bench slowlog: tidesk-cli slowlog digest vs pt-query-digest on a generated 110 MB log.
add_executable(bench_slowlog bench_slowlog.cpp)
target_link_libraries(bench_slowlog PRIVATE tidesk_core tidesk_warnings)
target_compile_definitions(bench_slowlog PRIVATE TIDESK_CLI_BINARY="$<TARGET_FILE:tidesk-cli>")
add_dependencies(bench_slowlog tidesk-cli)
add_executable(bench_kill bench_kill.cpp)
target_link_libraries(bench_kill PRIVATE tidesk_core tidesk_warnings)
target_include_directories(bench_kill PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
add_executable(bench_sessions bench_sessions.cpp)
target_link_libraries(bench_sessions PRIVATE tidesk_core tidesk_warnings)
# ./run bench backup: a physical (and a logical) backup of the sandbox's dev with a >= 1 GiB
# database, through TiDesk's BackupRunner (locally and over SSH) vs the same commands directly.
add_executable(bench_backup bench_backup.cpp)
target_link_libraries(bench_backup PRIVATE tidesk_core tidesk_warnings)
target_include_directories(bench_backup PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
# ./run bench assist: expert session setup time and a 100k-row result streamed vs direct.
add_executable(bench_assist bench_assist.cpp)
target_link_libraries(bench_assist PRIVATE tidesk_core tidesk_warnings)
target_include_directories(bench_assist PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
