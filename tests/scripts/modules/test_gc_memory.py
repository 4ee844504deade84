# A loop that builds a million reference cycles runs in bounded memory: the automatic
# collector frees them as it goes (peak RSS compared before and after, not printed).
import gc


def rss_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])


class Pair:
    pass


def build(count):
    for _ in range(count):
        a = Pair()
        b = Pair()
        a.other = b
        b.other = a


build(100_000)  # warm-up: allocator pools, code caches
before = rss_kib()
build(1_000_000)
grown = rss_kib() - before
# A million uncollected pairs would take hundreds of MiB; allow 20 MiB of noise.
print("bounded" if grown < 20 * 1024 else "grew")
print(gc.isenabled())
