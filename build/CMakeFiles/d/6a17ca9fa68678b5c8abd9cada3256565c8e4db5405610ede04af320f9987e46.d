app/core/tidesk_common_autogen/timestamp: \
  /work/main/app/core/CMakeLists.txt \
  /work/main/app/core/common/AppPaths.cpp \
  /work/main/app/core/common/AppPaths.h \
  /work/main/app/core/common/AppSettings.cpp \
  /work/main/app/core/common/AppSettings.h \
  /work/main/app/core/common/Error.cpp \
  /work/main/app/core/common/Error.h \
  /work/main/app/core/common/Logging.cpp \
  /work/main/app/core/common/Logging.h \
  /work/main/app/core/common/Result.h \
  /work/main/app/core/common/sources.cmake \
  /work/main/app/core/inventory/sources.cmake \
  /work/main/app/core/secrets/sources.cmake \
  /work/main/app/core/sql/sources.cmake \
  /usr/bin/cmake
