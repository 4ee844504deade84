# Soak: 1,000,000 messages (at scale 1) through one multiprocessing.Queue from 4 producer processes to the parent; every message arrives exactly once; the parent's memory stays flat.
import multiprocessing as mp

from soak_common import Soak, scaled

PRODUCERS = 4


def produce(q, first, count):
    for i in range(first, first + count):
        q.put(i)
    q.put(None)


if __name__ == "__main__":
    soak = Soak("queue")
    total = scaled(1_000_000)
    share = -(-total // PRODUCERS)
    q = mp.Queue()
    producers = []
    for k in range(PRODUCERS):
        first, count = k * share, max(0, min(share, total - k * share))
        producers.append(mp.Process(target=produce, args=(q, first, count)))
    for p in producers:
        p.start()
    received = 0
    checksum = 0
    seen = bytearray(total)   # one flag per message: a duplicate or an unknown number fails
    duplicates = 0
    ends = 0
    warm_at = max(1, total // 10)
    while ends < PRODUCERS:
        item = q.get(timeout=60)
        if item is None:
            ends += 1
            continue
        if 0 <= item < total and not seen[item]:
            seen[item] = 1
        else:
            duplicates += 1
        received += 1
        checksum += item
        if received == warm_at:
            soak.warmed_up()
    for p in producers:
        p.join()
    accounted = (received == total and duplicates == 0 and checksum == total * (total - 1) // 2
                 and all(p.exitcode == 0 for p in producers))
    soak.report("%d messages from %d processes, %d received, %d duplicates, producers' exit codes %s"
                % (total, PRODUCERS, received, duplicates, [p.exitcode for p in producers]), accounted)
