# Soak: a Pool of 4 workers used for 100,000 tasks (at scale 1) through map, imap_unordered and apply_async in rounds; every result is accounted for; the parent's memory stays flat.
import multiprocessing as mp

from soak_common import Soak, scaled

ROUND = 5_000


def square(x):
    return x * x


if __name__ == "__main__":
    soak = Soak("pool")
    total = scaled(100_000)
    done = 0
    wrong = 0
    warm_at = min(3 * ROUND, total)   # after one round of each kind
    with mp.Pool(4) as pool:
        while done < total:
            numbers = range(done, min(done + ROUND, total))
            kind = (done // ROUND) % 3
            if kind == 0:
                results = pool.map(square, numbers, chunksize=50)
            elif kind == 1:
                results = sorted(pool.imap_unordered(square, numbers, chunksize=50))
            else:
                pending = [pool.apply_async(square, (x,)) for x in numbers]
                results = [r.get(timeout=60) for r in pending]
                del pending   # else the next round's 5,000 would join these at the peak
            wrong += sum(r != x * x for r, x in zip(results, numbers)) + abs(len(results) - len(numbers))
            done += len(numbers)
            if soak.rss_warm is None and done >= warm_at:
                soak.warmed_up()
        workers = list(pool._pool)
    for w in workers:
        w.join(10)
    left = mp.active_children()
    soak.report("%d tasks (map, imap_unordered, apply_async), %d wrong results, %d processes left"
                % (total, wrong, len(left)), wrong == 0 and not left)
