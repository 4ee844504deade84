# Soak: 1,000 processes (at scale 1), started in waves of 20 by fork and spawn in turn; each sends its number back through a shared Queue and exits with a code derived from it; every message and exit code is accounted for, no child is left; the parent's memory stays flat.
import multiprocessing as mp
import os

from soak_common import Soak, scaled

WAVE = 20


def child(q, index):
    q.put(index)
    q.close()
    q.join_thread()
    if index % 2:
        os._exit(index % 7)
    raise SystemExit(index % 7)


if __name__ == "__main__":
    soak = Soak("processes")
    total = scaled(1_000)
    contexts = [mp.get_context("fork"), mp.get_context("spawn")]
    queues = [ctx.Queue() for ctx in contexts]
    received = set()
    bad_exits = 0
    started = 0
    warm_at = min(max(2 * WAVE, total // 10), total)
    while started < total:
        method = (started // WAVE) % 2   # a wave of forks, then a wave of spawns
        ctx, q = contexts[method], queues[method]
        wave = [ctx.Process(target=child, args=(q, i)) for i in range(started, min(started + WAVE, total))]
        for p in wave:
            p.start()
        for _ in wave:
            received.add(q.get(timeout=60))
        for i, p in enumerate(wave, started):
            p.join()
            bad_exits += p.exitcode != i % 7
            p.close()
        started += len(wave)
        if soak.rss_warm is None and started >= warm_at:
            soak.warmed_up()
    left = mp.active_children()
    soak.report("%d processes (fork and spawn) in waves of %d, %d messages, %d wrong exit codes, %d left"
                % (total, WAVE, len(received), bad_exits, len(left)),
                received == set(range(total)) and bad_exits == 0 and not left)
