# Benchmark: generator expressions feeding sum(), float division and multiplication (spectral norm).


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times_a(u):
    n = len(u)
    return [sum(eval_a(i, j) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def times_a_transposed(u):
    n = len(u)
    return [sum(eval_a(j, i) * u_j for j, u_j in enumerate(u)) for i in range(n)]


def times_ata(u):
    return times_a_transposed(times_a(u))


def spectral_norm(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u)
        u = times_ata(v)
    vbv = sum(ue * ve for ue, ve in zip(u, v))
    vv = sum(ve * ve for ve in v)
    return (vbv / vv) ** 0.5


print(spectral_norm(330))
