# A priority-queue task scheduler: a hand-written binary heap, tasks as
# generators (cooperative multitasking), dependencies, retries and statistics.

class Heap:
    """A min-heap of (priority, sequence, item) entries; ties keep FIFO order."""

    def __init__(self):
        self._data = []
        self._seq = 0

    def __len__(self):
        return len(self._data)

    def push(self, priority, item):
        self._data.append((priority, self._seq, item))
        self._seq += 1
        i = len(self._data) - 1
        while i > 0:
            parent = (i - 1) // 2
            if self._data[parent] <= self._data[i]:
                break
            self._data[parent], self._data[i] = self._data[i], self._data[parent]
            i = parent

    def pop(self):
        data = self._data
        top = data[0]
        last = data.pop()
        if data:
            data[0] = last
            i = 0
            n = len(data)
            while True:
                left, right = 2 * i + 1, 2 * i + 2
                smallest = i
                if left < n and data[left] < data[smallest]:
                    smallest = left
                if right < n and data[right] < data[smallest]:
                    smallest = right
                if smallest == i:
                    break
                data[i], data[smallest] = data[smallest], data[i]
                i = smallest
        return top[0], top[2]


class Task:
    def __init__(self, name, priority, steps, deps=(), fail_at=None):
        self.name = name
        self.priority = priority
        self.steps = steps
        self.deps = set(deps)
        self.fail_at = fail_at
        self.attempts = 0
        self.gen = None

    def run(self):
        self.attempts += 1
        for step in range(self.steps):
            if self.fail_at == step and self.attempts == 1:
                raise RuntimeError(f"{self.name} crashed at step {step}")
            yield f"{self.name}:{step + 1}/{self.steps}"
        return self.steps * self.priority


class Scheduler:
    def __init__(self, tasks):
        self.tasks = {t.name: t for t in tasks}
        self.ready = Heap()
        self.done = {}
        self.log = []
        self.clock = 0
        for t in tasks:
            if not t.deps:
                self.ready.push(t.priority, t)

    def unblock(self, finished):
        for t in self.tasks.values():
            if finished in t.deps:
                t.deps.discard(finished)
                if not t.deps:
                    self.ready.push(t.priority, t)

    def run(self, quantum=2):
        while self.ready:
            prio, task = self.ready.pop()
            if task.gen is None:
                task.gen = task.run()
            try:
                for _ in range(quantum):
                    self.clock += 1
                    self.log.append((self.clock, next(task.gen)))
            except StopIteration as stop:
                self.done[task.name] = (self.clock, stop.value)
                self.unblock(task.name)
                continue
            except RuntimeError as err:
                self.log.append((self.clock, f"ERROR {err}"))
                task.gen = None
                self.ready.push(prio + 10, task)
                continue
            self.ready.push(prio + 1, task)
        blocked = sorted(n for n, t in self.tasks.items() if n not in self.done)
        return blocked


tasks = [
    Task("fetch", 1, 3),
    Task("parse", 2, 2, deps=["fetch"]),
    Task("index", 3, 4, deps=["parse"], fail_at=2),
    Task("thumbs", 2, 5),
    Task("report", 1, 1, deps=["index", "thumbs"]),
    Task("orphan", 1, 1, deps=["never"]),
]
sched = Scheduler(tasks)
blocked = sched.run()
for tick, event in sched.log:
    print(f"{tick:3d} {event}")
print("done:", sorted(sched.done.items(), key=lambda kv: kv[1]))
print("blocked:", blocked)
print("attempts:", {t.name: t.attempts for t in tasks})
h = Heap()
for p, v in [(5, "e"), (1, "a"), (3, "c"), (1, "b"), (4, "d"), (3, "c2")]:
    h.push(p, v)
print([h.pop() for _ in range(len(h))])
