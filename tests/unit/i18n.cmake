# Every user-visible string has a zh_CN translation (lupdate re-run into a temporary copy).
add_test(NAME check_translations COMMAND ${CMAKE_SOURCE_DIR}/tests/i18n/check_translations.sh)
set_tests_properties(check_translations PROPERTIES LABELS unit TIMEOUT 300)
