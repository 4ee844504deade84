# Soak: 10,000 threads (at scale 1) started and joined in waves of 100, each adding its share to lock-protected totals; every thread's work is accounted for, none is left alive; memory stays flat.
import threading

from soak_common import Soak, scaled

WAVE = 100


def work(index, lock, totals):
    value = sum(range(index % 100))
    with lock:
        totals[0] += value
        totals[1] += 1


if __name__ == "__main__":
    soak = Soak("threads")
    total = scaled(10_000)
    lock = threading.Lock()
    totals = [0, 0]    # the sum of the threads' values, the number of threads that finished
    started = 0
    warm_at = min(max(WAVE, total // 10), total)
    while started < total:
        wave = [threading.Thread(target=work, args=(i, lock, totals))
                for i in range(started, min(started + WAVE, total))]
        for t in wave:
            t.start()
        for t in wave:
            t.join()
        started += len(wave)
        if soak.rss_warm is None and started >= warm_at:
            soak.warmed_up()
    expected = sum(sum(range(i % 100)) for i in range(total))
    alive = threading.active_count() - 1
    soak.report("%d threads in waves of %d, %d finished, %d alive at the end" % (total, WAVE, totals[1], alive),
                totals[0] == expected and totals[1] == total and alive == 0)
