# types: printf-style % formatting of str
print("%s is %d years" % ("Ann", 30), "%r" % "quoted", "%5s|%-5s|" % ("r", "l"))
print("%d %i %u" % (42, -7, 3), "%05d" % 42, "%+d %+d" % (5, -5), "% d" % 7)
print("%f %.2f %10.3f %-10.1f|" % (3.14159, 3.14159, 3.14159, 3.14159))
print("%e %.2E %g %G" % (12345.678, 12345.678, 0.00001234, 1e20))
print("%x %X %#x %o %#o" % (255, 255, 255, 8, 8), "%c%c" % (72, "i"))
print("%s" % [1, 2], "%s" % (("tuple",),), "%s %s" % (None, True), "%%")
print("%(name)s has %(count)03d items" % {"name": "box", "count": 7})
print("%*d|%-*d|%.*f" % (5, 42, 5, 42, 2, 3.14159))
print("%.3s" % "truncate", "%10.2s|" % "abc", "%s" % 1.0, "%d" % 3.99, "%s" % 10 ** 20)
print("%a" % "\u00e9", "%5.1f%%" % 99.5)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1)]:
    try:
        fmt % args
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
