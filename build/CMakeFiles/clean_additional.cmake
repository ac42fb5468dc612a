# Additional clean files
cmake_minimum_required(VERSION 3.16)

if("${CONFIG}" STREQUAL "" OR "${CONFIG}" STREQUAL "Release")
  file(REMOVE_RECURSE
  "app/core/CMakeFiles/tidesk_common_autogen.dir/AutogenUsed.txt"
  "app/core/CMakeFiles/tidesk_common_autogen.dir/ParseCache.txt"
  "app/core/CMakeFiles/tidesk_core_autogen.dir/AutogenUsed.txt"
  "app/core/CMakeFiles/tidesk_core_autogen.dir/ParseCache.txt"
  "app/core/tidesk_common_autogen"
  "app/core/tidesk_core_autogen"
  "ui/CMakeFiles/tidesk_ui_autogen.dir/AutogenUsed.txt"
  "ui/CMakeFiles/tidesk_ui_autogen.dir/ParseCache.txt"
  "ui/tidesk_ui_autogen"
  "widgets/CMakeFiles/tidesk_widgets_autogen.dir/AutogenUsed.txt"
  "widgets/CMakeFiles/tidesk_widgets_autogen.dir/ParseCache.txt"
  "widgets/tidesk_widgets_autogen"
  )
endif()
