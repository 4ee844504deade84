# lang: generator.send: priming, values flowing both ways, sending to a fresh generator
def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count
avg = running_average()
print(next(avg))
print(avg.send(10), avg.send(20), avg.send(60))
fresh = running_average()
try:
    fresh.send(5)
except TypeError as e:
    print("TypeError:", e)
print(fresh.send(None))
print(fresh.send(4))
def accumulator():
    items = []
    while True:
        item = yield len(items)
        if item == "stop":
            return items
        items.append(item)
acc = accumulator()
acc.send(None)
acc.send("x")
acc.send("y")
try:
    acc.send("stop")
except StopIteration as stop:
    print("returned", stop.value)
def two_way():
    reply = yield "question?"
    yield f"answer to {reply}"
g = two_way()
print(next(g))
print(g.send("life"))
try:
    g.send("more")
except StopIteration:
    print("exhausted")
