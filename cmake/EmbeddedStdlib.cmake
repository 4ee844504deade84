# Build system: regenerates generated/embedded_stdlib.cpp whenever a file under stdlib/py changes.
# The glob is CONFIGURE_DEPENDS, so adding or removing a module re-runs configure, which rewrites
# the manifest (only when the list changed); the manifest and every module are the generator's
# dependencies, so an edit, an addition and a removal each regenerate the file.
file(GLOB_RECURSE chaipy_stdlib_py_files RELATIVE "${PROJECT_SOURCE_DIR}/stdlib/py" CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/stdlib/py/*.py")
list(SORT chaipy_stdlib_py_files)
list(JOIN chaipy_stdlib_py_files "\n" chaipy_stdlib_manifest_text)

set(CHAIPY_EMBEDDED_STDLIB_CPP "${PROJECT_BINARY_DIR}/generated/embedded_stdlib.cpp")
set(chaipy_stdlib_manifest "${PROJECT_BINARY_DIR}/generated/embedded_stdlib.manifest")
set(chaipy_embed_generator "${PROJECT_SOURCE_DIR}/cmake/GenerateEmbeddedStdlib.cmake")
file(CONFIGURE OUTPUT "${chaipy_stdlib_manifest}" CONTENT "${chaipy_stdlib_manifest_text}\n" @ONLY)

list(TRANSFORM chaipy_stdlib_py_files PREPEND "${PROJECT_SOURCE_DIR}/stdlib/py/")
add_custom_command(
  OUTPUT "${CHAIPY_EMBEDDED_STDLIB_CPP}"
  COMMAND "${CMAKE_COMMAND}"
          "-DSTDLIB_PY_DIR=${PROJECT_SOURCE_DIR}/stdlib/py"
          "-DMANIFEST=${chaipy_stdlib_manifest}"
          "-DOUTPUT=${CHAIPY_EMBEDDED_STDLIB_CPP}"
          -P "${chaipy_embed_generator}"
  DEPENDS ${chaipy_stdlib_py_files} "${chaipy_stdlib_manifest}" "${chaipy_embed_generator}"
  COMMENT "Embedding stdlib/py into generated/embedded_stdlib.cpp"
  VERBATIM)
