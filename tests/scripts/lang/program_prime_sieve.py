# lang program: sieve of Eratosthenes, prime factorisation and a few prime statistics
def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            is_prime[n * n::n] = [False] * len(range(n * n, limit + 1, n))
    return [n for n, flag in enumerate(is_prime) if flag]
primes = sieve(10000)
print(len(primes), primes[:15], primes[-3:])
def factorise(n):
    factors = []
    for p in primes:
        if p * p > n:
            break
        while n % p == 0:
            factors.append(p)
            n //= p
    if n > 1:
        factors.append(n)
    return factors
for value in (360, 9973, 2 ** 20, 600851475143, 1001):
    print(value, factorise(value))
twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
print(len(twins), twins[:5])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items())[:6])
print(sum(primes[:100]), max(q - p for p, q in zip(primes, primes[1:])))
print([n for n in range(2, 60) if n not in set(primes)][:10])
