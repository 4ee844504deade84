# Shared by the soak scripts (tests/soak, run by tools/soak.sh): the scale argument, resident memory from /proc/self/status, and the one-line report with the memory check.
import sys
import time

# Memory at the end may exceed memory after warm-up by this fraction at most.
RSS_TOLERANCE = 0.10


def scaled(count):
    # The full-scale count times the scale given as the first argument (default 1), at least 1.
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    return max(1, int(count * scale))


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


class Soak:
    """Times one part of the soak test and checks it: report() prints one line and exits with
    status 1 when a count is off or memory grew more than RSS_TOLERANCE since warmed_up()."""

    def __init__(self, name):
        self.name = name
        self.start = time.monotonic()
        self.rss_warm = None

    def warmed_up(self):
        self.rss_warm = rss_kib()

    def report(self, summary, accounted):
        seconds = time.monotonic() - self.start
        rss_end = rss_kib()
        growth = (rss_end - self.rss_warm) / self.rss_warm
        memory_ok = growth <= RSS_TOLERANCE
        verdict = "ok" if accounted and memory_ok else "FAILED"
        problems = []
        if not accounted:
            problems.append("messages unaccounted for")
        if not memory_ok:
            problems.append("memory grew more than %d%%" % int(RSS_TOLERANCE * 100))
        print("%-8s %s: %s; %.1f s; RSS %.1f MiB after warm-up, %.1f MiB at the end (%+.1f%%)%s"
              % (self.name, verdict, summary, seconds, self.rss_warm / 1024, rss_end / 1024,
                 growth * 100, "" if not problems else " -- " + ", ".join(problems)), flush=True)
        if problems:
            sys.exit(1)
