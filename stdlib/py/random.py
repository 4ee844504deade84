# stdlib/py/random.py — the random module: CPython's Mersenne Twister (MT19937) and the distributions built on it.
#
# The generator reproduces Modules/_randommodule.c word for word, and the methods
# above it follow Lib/random.py, so a given seed yields CPython's exact sequences.

import math
import os
import time
from bisect import bisect as _bisect
from operator import index as _as_index

__all__ = ['Random', 'seed', 'random', 'uniform', 'randint', 'choice', 'sample',
           'randrange', 'shuffle', 'normalvariate', 'lognormvariate',
           'expovariate', 'vonmisesvariate', 'gammavariate', 'triangular',
           'gauss', 'betavariate', 'paretovariate', 'weibullvariate',
           'getstate', 'setstate', 'getrandbits', 'choices', 'randbytes']

NV_MAGICCONST = 4 * math.exp(-0.5) / math.sqrt(2.0)
TWOPI = 2.0 * math.pi
LOG4 = math.log(4.0)
SG_MAGICCONST = 1.0 + math.log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF

_N = 624
_M = 397
_MATRIX_A = 0x9908B0DF
_UPPER_MASK = 0x80000000
_LOWER_MASK = 0x7FFFFFFF
_WORD = 0xFFFFFFFF

# State after init_genrand(19650218), the starting point of every init_by_array;
# computed on the first seeding.
_base_state = None


def _init_genrand(seed):
    state = [0] * _N
    value = seed & _WORD
    state[0] = value
    for index in range(1, _N):
        value = (1812433253 * (value ^ (value >> 30)) + index) & _WORD
        state[index] = value
    return state


def _init_by_array(key):
    global _base_state
    if _base_state is None:
        _base_state = _init_genrand(19650218)
    state = list(_base_state)
    i, j = 1, 0
    for _ in range(max(_N, len(key))):
        previous = state[i - 1]
        state[i] = ((state[i] ^ ((previous ^ (previous >> 30)) * 1664525)) + key[j] + j) & _WORD
        i += 1
        j += 1
        if i >= _N:
            state[0] = state[_N - 1]
            i = 1
        if j >= len(key):
            j = 0
    for _ in range(_N - 1):
        previous = state[i - 1]
        state[i] = ((state[i] ^ ((previous ^ (previous >> 30)) * 1566083941)) - i) & _WORD
        i += 1
        if i >= _N:
            state[0] = state[_N - 1]
            i = 1
    state[0] = 0x80000000
    return state


def _twist(state):
    """MT19937's regeneration of all 624 words, in place.

    Word k becomes state[k + 397] ^ f(state[k], state[k + 1]), indices mod 624,
    where state[k + 397] is already regenerated once k + 397 wraps; the slices
    below follow that dependency 227 words (624 - 397) at a time."""
    mag = (0, _MATRIX_A)
    for start in (0, _N - _M, 2 * (_N - _M)):
        stop = min(start + _N - _M, _N - 1)
        state[start:stop] = [
            far ^ (((word & _UPPER_MASK) | (following & _LOWER_MASK)) >> 1) ^ mag[following & 1]
            for far, word, following in zip(state[start + _M - _N if start else _M:],
                                             state[start:stop], state[start + 1:stop + 1])]
    y = (state[_N - 1] & _UPPER_MASK) | (state[0] & _LOWER_MASK)
    state[_N - 1] = state[_M - 1] ^ (y >> 1) ^ mag[y & 1]


def _tempered(state):
    words = [y ^ (y >> 11) for y in state]
    words = [y ^ ((y << 7) & 0x9D2C5680) for y in words]
    words = [y ^ ((y << 15) & 0xEFC60000) for y in words]
    return [y ^ (y >> 18) for y in words]


def _key_words(n):
    """n (non-negative) as 32-bit words, least significant first; [0] for zero."""
    words = []
    while n:
        words.append(n & _WORD)
        n >>= 32
    return words or [0]


def _sha512_constants():
    """SHA-512's round constants and initial hash: the first 64 bits of the fractional
    parts of the cube roots of the first 80 primes and the square roots of the first 8."""
    primes = []
    candidate = 2
    while len(primes) < 80:
        if all(candidate % p for p in primes if p * p <= candidate):
            primes.append(candidate)
        candidate += 1

    def integer_root(n, degree):
        root = 1 << ((n.bit_length() + degree - 1) // degree)
        while True:
            better = ((degree - 1) * root + n // root ** (degree - 1)) // degree
            if better >= root:
                return root
            root = better

    mask = (1 << 64) - 1
    rounds = [integer_root(p << 192, 3) & mask for p in primes]
    initial = [integer_root(p << 128, 2) & mask for p in primes[:8]]
    return rounds, initial


_sha512_tables = None


def _sha512(data):
    global _sha512_tables
    if _sha512_tables is None:
        _sha512_tables = _sha512_constants()
    rounds, initial = _sha512_tables
    mask = (1 << 64) - 1

    def rotate(x, n):
        return ((x >> n) | (x << (64 - n))) & mask

    length = len(data)
    message = bytes(data) + b'\x80' + b'\x00' * ((111 - length) % 128) + (length * 8).to_bytes(16, 'big')
    digest = list(initial)
    for block_start in range(0, len(message), 128):
        w = [int.from_bytes(message[block_start + 8 * t:block_start + 8 * t + 8], 'big') for t in range(16)]
        for t in range(16, 80):
            s0 = rotate(w[t - 15], 1) ^ rotate(w[t - 15], 8) ^ (w[t - 15] >> 7)
            s1 = rotate(w[t - 2], 19) ^ rotate(w[t - 2], 61) ^ (w[t - 2] >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & mask)
        a, b, c, d, e, f, g, h = digest
        for t in range(80):
            choose = (e & f) ^ ((e ^ mask) & g)
            temp1 = h + (rotate(e, 14) ^ rotate(e, 18) ^ rotate(e, 41)) + choose + rounds[t] + w[t]
            majority = (a & b) ^ (a & c) ^ (b & c)
            temp2 = (rotate(a, 28) ^ rotate(a, 34) ^ rotate(a, 39)) + majority
            h, g, f, e = g, f, e, (d + temp1) & mask
            d, c, b, a = c, b, a, (temp1 + temp2) & mask
        digest = [(x + y) & mask for x, y in zip(digest, [a, b, c, d, e, f, g, h])]
    return b''.join(x.to_bytes(8, 'big') for x in digest)


class Random:
    """Random number generator; the module functions are methods of a hidden instance.

    self._state is MT19937's 624-word state, self._outputs the tempered words of
    that state and self._index the next word to hand out (624: twist first)."""

    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for char in a:
                x = ((1000003 * x) ^ ord(char)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + _sha512(a), 'big')
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self._seed_generator(a)
        self.gauss_next = None

    def _seed_generator(self, a):
        if a is None:
            urandom = getattr(os, 'urandom', None)
            if urandom is not None:
                n = int.from_bytes(urandom(_N * 4), 'little')
            else:
                # Without os.urandom, mix the clock with an address, as CPython does when urandom fails.
                n = (time.time_ns() << 64) ^ id(object())
        elif isinstance(a, int):
            n = int.__abs__(a)
        else:
            n = hash(a) & 0xFFFFFFFFFFFFFFFF
        self._state = _init_by_array(_key_words(n))
        self._outputs = None
        self._index = _N

    def _next_word(self):
        index = self._index
        if index >= _N:
            _twist(self._state)
            self._outputs = _tempered(self._state)
            index = 0
        self._index = index + 1
        return self._outputs[index]

    def random(self):
        index = self._index
        if index < _N - 1:
            outputs = self._outputs
            self._index = index + 2
            a = outputs[index] >> 5
            b = outputs[index + 1] >> 6
        else:
            a = self._next_word() >> 5
            b = self._next_word() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        k = _as_index(k)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k <= 32:
            return self._next_word() >> (32 - k) if k else 0
        result = 0
        shift = 0
        while k > 0:
            word = self._next_word()
            if k < 32:
                word >>= 32 - k
            result |= word << shift
            shift += 32
            k -= 32
        return result

    def getstate(self):
        return self.VERSION, tuple(self._state) + (self._index,), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internal_state, self.gauss_next = state
        elif version == 2:
            version, internal_state, self.gauss_next = state
            try:
                internal_state = tuple(x % (2 ** 32) for x in internal_state)
            except ValueError as e:
                raise TypeError from e
        else:
            raise ValueError('state with version %s passed to Random.setstate() of version %s'
                             % (version, self.VERSION))
        self._set_generator_state(internal_state)

    def _set_generator_state(self, internal_state):
        if not isinstance(internal_state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(internal_state) != _N + 1:
            raise ValueError('state vector is the wrong size')
        words = []
        for element in internal_state[:_N]:
            element = _as_index(element)
            if element < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            words.append(element & _WORD)
        index = _as_index(internal_state[_N])
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._state = words
        self._outputs = _tempered(words)
        self._index = index

    def __getstate__(self):
        return self.getstate()

    def __setstate__(self, state):
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def _randbelow(self, n):
        # Like CPython's __init_subclass__ choice: a subclass that supplies its own
        # random() but not getrandbits() draws integers from random() alone.
        cls = type(self)
        if cls is not Random and cls.random is not Random.random and cls.getrandbits is Random.getrandbits:
            return self._randbelow_without_getrandbits(n)
        return self._randbelow_with_getrandbits(n)

    def _randbelow_with_getrandbits(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        random = self.random
        if n >= maxsize:
            return math.floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return math.floor(r * maxsize) % n

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=1):
        istart = _integer_argument(start, 'arg 1')
        if stop is None:
            if step != 1 or type(step) is not int:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError('empty range for randrange()')
        istop = _integer_argument(stop, 'stop')
        width = istop - istart
        istep = _integer_argument(step, 'step')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if (isinstance(population, (set, frozenset, dict))
                or not hasattr(population, '__getitem__') or not hasattr(population, '__len__')):
            raise TypeError('Population must be a sequence.  For dicts or sets, use sorted(d).')
        n = len(population)
        if counts is not None:
            cum_counts = _cumulative(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        result = [None] * k
        # Below this size a list copy costs less than a set of chosen indices.
        setsize = 21
        if k > 5:
            setsize += 4 ** math.ceil(math.log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[math.floor(random() * n)] for _ in range(k)]
            try:
                cum_weights = _cumulative(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError(f'The number of choices must be a keyword argument: k={weights!r}') from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not math.isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, random() * total, 0, hi)] for _ in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * math.sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -math.log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = math.sqrt(-2.0 * math.log(1.0 - random()))
            z = math.cos(x2pi) * g2rad
            self.gauss_next = math.sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return math.exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -math.log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + math.sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = math.cos(math.pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * math.exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            return (mu + math.acos(f)) % TWOPI
        return (mu - math.acos(f)) % TWOPI

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            # Cheng's rejection algorithm (R.C.H. Cheng, 1977).
            ainv = math.sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = math.log(u1 / (1.0 - u1)) / ainv
                x = alpha * math.exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= math.log(z):
                    return x * beta
        if alpha == 1.0:
            return -math.log(1.0 - random()) * beta
        # alpha < 1: ALGORITHM GS of Statistical Computing, Kennedy & Gentle.
        while True:
            u = random()
            b = (math.e + alpha) / math.e
            p = b * u
            if p <= 1.0:
                x = p ** (1.0 / alpha)
            else:
                x = -math.log((b - p) / alpha)
            u1 = random()
            if p > 1.0:
                if u1 <= x ** (alpha - 1.0):
                    break
            elif u1 <= math.exp(-x):
                break
        return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-math.log(u)) ** (1.0 / beta)


def _integer_argument(value, which):
    """value as an int for randrange: integral floats pass (deprecated in CPython), others fail."""
    try:
        return _as_index(value)
    except TypeError:
        integer = int(value)
        if integer != value:
            raise ValueError(f'non-integer {which} for randrange()')
        return integer


def _cumulative(values):
    totals = []
    running = None
    for value in values:
        running = value if running is None else running + value
        totals.append(running)
    return totals


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
