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
# A second argument times one part alone: `dumps`, `loads` (of the record's pickle) or `equal`
# (the comparison of a loaded copy with the record), e.g. `pickle_roundtrip.py 200000 loads`;
# a third, `cpu`, measures process time instead of wall time (steadier on a shared machine).
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
PART = sys.argv[2] if len(sys.argv) > 2 else "roundtrip"
CLOCK = time.process_time if len(sys.argv) > 3 and sys.argv[3] == "cpu" else time.perf_counter

data = pickle.dumps(RECORD)
size = len(data)
copy = pickle.loads(data)
start = CLOCK()
same = 0
if PART == "roundtrip":
    for _ in range(ROUNDS):
        same += pickle.loads(pickle.dumps(RECORD)) == RECORD
elif PART == "dumps":
    for _ in range(ROUNDS):
        same += pickle.dumps(RECORD) == data
elif PART == "loads":
    for _ in range(ROUNDS):
        same += pickle.loads(data) is not None
elif PART == "equal":
    for _ in range(ROUNDS):
        same += copy == RECORD
else:
    sys.exit(f"unknown part {PART!r}: roundtrip, dumps, loads or equal")
elapsed = CLOCK() - start
if PART == "roundtrip":
    print(f"pickle size {size} bytes, {same} of {ROUNDS} round trips equal")
    print(f"{ROUNDS / elapsed:,.0f} round trips/s", file=sys.stderr)
else:
    print(f"pickle size {size} bytes, {PART}: {same} of {ROUNDS} as expected")
    print(f"{ROUNDS / elapsed:,.0f} {PART}/s", file=sys.stderr)
