# cmake -DLAYER=<name> -DFILES=<file listing the layer's sources> -DALLOWED=<dir;dir;...>
#       -DSOURCE_DIR=<repo> -DSTAMP=<file> -P check_layer_includes.cmake
# Fails when a source or header of the layer includes a file of the tree ("gateway/...",
# "channels/...") outside the folders the layer may depend on: the layers' one-way flow,
# checked by the build (ehall_layer in CMakeLists.txt).
file(STRINGS "${FILES}" files)
set(problems "")
foreach(file IN LISTS files)
  file(STRINGS "${file}" includes REGEX "^#include \"(gateway|channels|plugins|tests)/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^#include \"([^\"]+)\".*" "\\1" included "${line}")
    set(ok FALSE)
    foreach(dir IN LISTS ALLOWED)
      string(FIND "${included}" "${dir}/" at)
      if(at EQUAL 0)
        set(ok TRUE)
        break()
      endif()
    endforeach()
    if(NOT ok)
      file(RELATIVE_PATH shown "${SOURCE_DIR}" "${file}")
      string(APPEND problems "\n  ${shown} includes ${included}")
    endif()
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "layer ${LAYER}: includes against the flow (allowed: ${ALLOWED}):${problems}")
endif()
file(TOUCH "${STAMP}")
