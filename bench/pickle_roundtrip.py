# Benchmark: pickle.dumps + pickle.loads of a ~300-byte dict in a loop (target: at least CPython's C pickle; round trips/s on stderr).
import pickle
import sys
import time

RECORD = {
    "id": 12345, "name": "worker-7", "host": "node-3.cluster.local", "ok": True, "ratio": 0.8125,
    "tags": ["alpha", "beta", "gamma"], "limits": {"cpu": 2, "memory": 2048, "files": 1024},
    "history": [(1, 2.5), (2, 3.25), (3, 4.0)], "owner": None, "payload": b"\x00\x01\x02\x03" * 8,
    "note": "a short text field for the record",
}
# An argument overrides the count: `valgrind --tool=callgrind <interpreter> pickle_roundtrip.py 5000`
# compares instruction counts (minus a run with 0) when wall-clock time is too noisy.
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000

size = len(pickle.dumps(RECORD))
start = time.perf_counter()
same = 0
for _ in range(ROUNDS):
    same += pickle.loads(pickle.dumps(RECORD)) == RECORD
elapsed = time.perf_counter() - start
print(f"pickle size {size} bytes, {same} of {ROUNDS} round trips equal")
print(f"{ROUNDS / elapsed:,.0f} round trips/s", file=sys.stderr)
