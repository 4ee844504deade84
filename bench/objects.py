# Benchmark: object-heavy simulation: allocation, attribute reads and writes, method calls, inheritance.


class Random:
    """A linear congruential generator, so the run is the same everywhere."""

    def __init__(self, seed):
        self.state = seed

    def next_int(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return self.state % bound


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scaled(self, factor):
        return Vector(self.x * factor, self.y * factor)

    def manhattan(self):
        return abs(self.x) + abs(self.y)


class Particle:
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity
        self.bounces = 0

    def step(self, size):
        self.position = self.position.add(self.velocity)
        if not 0 <= self.position.x < size:
            self.velocity = Vector(-self.velocity.x, self.velocity.y)
            self.bounces += 1
        if not 0 <= self.position.y < size:
            self.velocity = Vector(self.velocity.x, -self.velocity.y)
            self.bounces += 1


class HeavyParticle(Particle):
    def __init__(self, position, velocity, mass):
        super().__init__(position, velocity)
        self.mass = mass

    def step(self, size):
        Particle.step(self, size)
        self.velocity = self.velocity.scaled(1)


class World:
    def __init__(self, count, size, seed):
        self.size = size
        random = Random(seed)
        self.particles = []
        for i in range(count):
            position = Vector(random.next_int(size), random.next_int(size))
            velocity = Vector(random.next_int(7) - 3, random.next_int(7) - 3)
            if i % 4 == 0:
                self.particles.append(HeavyParticle(position, velocity, random.next_int(10) + 1))
            else:
                self.particles.append(Particle(position, velocity))

    def tick(self):
        for particle in self.particles:
            particle.step(self.size)

    def checksum(self):
        total = 0
        for particle in self.particles:
            total += particle.position.manhattan() * 31 + particle.bounces
        return total


def main():
    world = World(1000, 500, 42)
    for _ in range(1200):
        world.tick()
    print(world.checksum())


main()
