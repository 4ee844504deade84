# lang: infinite generators consumed with manual islice-like loops, and generator pipelines
def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, iterable):
    result = []
    for item in iterable:
        if len(result) >= n:
            break
        result.append(item)
    return result
def islice_manual(iterable, start, stop, step=1):
    for index, item in enumerate(iterable):
        if index >= stop:
            return
        if index >= start and (index - start) % step == 0:
            yield item
def squares(numbers):
    for n in numbers:
        yield n * n
def evens(numbers):
    return (n for n in numbers if n % 2 == 0)
print(take(5, naturals()))
print(list(islice_manual(naturals(10), 2, 12, 3)))
print(take(5, squares(evens(naturals(1)))))
def primes():
    found = []
    for candidate in naturals(2):
        if all(candidate % p for p in found):
            found.append(candidate)
            yield candidate
print(take(15, primes()))
def cycle(items):
    while True:
        yield from items
print(take(7, cycle("abc")))
def running_total(numbers):
    total = 0
    for n in numbers:
        total += n
        yield total
print(list(islice_manual(running_total(naturals(1)), 0, 10)))
gen = naturals()
first = take(3, gen)
second = take(3, gen)
print(first, second)
