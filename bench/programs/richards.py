# A class-heavy task scheduler in the spirit of the classic Richards
# benchmark: objects with attributes, method dispatch, inheritance and
# linked lists of work packets.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
K_DEVICE, K_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.count = 0

    def runnable(self):
        return not self.held and (self.queue is not None or not self.waiting)

    def take_packet(self):
        p = self.queue
        if p is None:
            return None
        self.queue = p.link
        return p

    def add_packet(self, packet):
        self.queue = packet.append_to(self.queue)


class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, seed):
        super().__init__(scheduler, ident, priority, None)
        self.control = seed

    def run(self, packet):
        self.count += 1
        self.scheduler.idle_count += 1
        if self.count > 4000:
            return None
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.dest = HANDLER_A
        self.letter = 0

    def run(self, packet):
        if packet is None:
            self.waiting = True
            return None
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.datum = 0
        for i in range(BUFSIZE):
            self.letter = (self.letter + 1) % 26
            packet.data[i] = self.letter
        return self.scheduler.send(packet)


class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        super().__init__(scheduler, ident, priority, queue)
        self.devices = None

    def run(self, packet):
        if packet is not None:
            if packet.kind == K_WORK:
                self.queue_work = getattr(self, "queue_work", None)
            self.scheduler.queue_count += 1
            if packet.datum < BUFSIZE:
                packet.datum += 1
                packet.ident = DEVICE_A if self.ident == HANDLER_A else DEVICE_B
                return self.scheduler.send(packet)
        self.waiting = True
        return None


class DeviceTask(Task):
    def run(self, packet):
        if packet is None:
            self.waiting = True
            return None
        # A device handles one packet, then holds until the idle task
        # releases it: this bounds the work per idle tick.
        self.scheduler.hold_count += 1
        self.held = True
        packet.ident = WORKER
        return self.scheduler.send(packet)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.idle_count = 0
        self.queue_count = 0
        self.hold_count = 0

    def add(self, task):
        self.tasks[task.ident] = task

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        return task

    def send(self, packet):
        task = self.tasks[packet.ident]
        task.waiting = False
        task.add_packet(packet)
        return task

    def schedule(self):
        order = sorted(self.tasks.values(), key=lambda t: -t.priority)
        steps = 0
        while True:
            for task in order:
                if task.runnable():
                    break
            else:
                return steps
            packet = task.take_packet() if task.queue is not None else None
            if task.run(packet) is None and task is order[-1] and task.count > 4000:
                return steps
            steps += 1


def run():
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, 1))
    work = None
    for i in range(8):
        work = Packet(work, WORKER, K_WORK)
    s.add(WorkerTask(s, WORKER, 1000, work))
    s.add(HandlerTask(s, HANDLER_A, 2000, None))
    s.add(HandlerTask(s, HANDLER_B, 3000, None))
    s.add(DeviceTask(s, DEVICE_A, 4000, None))
    s.add(DeviceTask(s, DEVICE_B, 5000, None))
    steps = s.schedule()
    return steps, s.idle_count, s.queue_count, s.hold_count


for _ in range(60):
    result = run()
print(result)
