# lang test helper: package root for the package and relative-import tests
print("mods package initialised")
PACKAGE_LEVEL = "top"
