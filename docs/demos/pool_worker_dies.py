# Demo for README: a Pool worker killed mid-map. chaipy raises BrokenPoolError at once; CPython 3.11 hangs forever (python/cpython issue 66587).
import multiprocessing as mp
import os
import signal


def square(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        try:
            print(pool.map(square, range(8), chunksize=1))
        except Exception as e:
            print(f"{type(e).__name__}: {e}")
