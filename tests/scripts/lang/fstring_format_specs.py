# lang: f-string format specs, nested width/precision and the = specifier
x = 3.14159
n = 1234567
s = "hi"
v = 5
print(f"{x:.2f}|{x:.0f}|{x:10.3f}|{x:<10.1f}|{x:+.2f}")
print(f"{n:,}|{n:_}|{n:,.2f}|{-n:,}")
print(f"{s:>10}|{s:<10}|{s:^10}|{s:*^10}|{s:->6}")
print(f"{v:08b}|{v:b}|{255:x}|{255:X}|{255:#x}|{8:o}|{8:#o}|{5:#b}")
w, p = 10, 3
print(f"{x:{w}.{p}f}|")
print(f"{x:>{w}}|{s:{'^'}{w}}|")
print(f"{0.25:%}|{0.25:.1%}|{1234.5:e}|{1234.5:.2E}")
print(f"{1234.5:g}|{0.00001234:g}|{1e20:g}|{123456789.0:g}")
print(f"{42:5d}|{42:05d}|{-42:05d}|{42:+d}|{42: d}")
print(f"{x=}")
print(f"{n = }")
print(f"{x=:.1f}")
print(f"{s=!r}", f"{s=!s}")
print(f"{v * 2 = }")
print(f"{'abc':.2}|{'abcdef':>8.3}|")
print(f"{1e100:.3g}|{float('inf'):f}|{float('nan'):>5}")
print(f"{12345678901234567890:,}")
print(f"{True:d}|{True}|{None!r:>6}")
