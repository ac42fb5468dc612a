# The user guide stays whole: images exist, both languages show the same screenshots, every page of
# the main window is shown, the README links it (tests/docs/check_user_guide.sh).
add_test(NAME check_user_guide COMMAND ${CMAKE_SOURCE_DIR}/tests/docs/check_user_guide.sh)
set_tests_properties(check_user_guide PROPERTIES LABELS unit TIMEOUT 60)
