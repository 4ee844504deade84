# Build system: `cmake --install` for embedders: the public headers, libchaipy.a, a CMake package (find_package(chaipy) -> chaipy::chaipy) and chaipy.pc.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(chaipy_core PROPERTIES EXPORT_NAME chaipy)
install(TARGETS chaipy_core EXPORT chaipyTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/chaipy" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")

set(chaipy_package_dir "${CMAKE_INSTALL_LIBDIR}/cmake/chaipy")
install(EXPORT chaipyTargets NAMESPACE chaipy:: FILE chaipyTargets.cmake DESTINATION "${chaipy_package_dir}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/chaipyConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/chaipyConfig.cmake" INSTALL_DESTINATION "${chaipy_package_dir}")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/chaipyConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}" COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/chaipyConfig.cmake" "${PROJECT_BINARY_DIR}/chaipyConfigVersion.cmake"
  DESTINATION "${chaipy_package_dir}")

configure_file("${PROJECT_SOURCE_DIR}/cmake/chaipy.pc.in" "${PROJECT_BINARY_DIR}/chaipy.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/chaipy.pc" DESTINATION "${CMAKE_INSTALL_LIBDIR}/pkgconfig")
