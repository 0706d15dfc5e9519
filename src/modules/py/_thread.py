"""Stand-in for CPython's _thread: Adder runs a single thread, so locks never block."""

TIMEOUT_MAX = 9223372036.0
error = RuntimeError


def get_ident():
    return 1


get_native_id = get_ident


class LockType:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count <= 0:
            raise RuntimeError("release unlocked lock")
        self._count -= 1

    def locked(self):
        return self._count > 0

    def _is_owned(self):
        return self._count > 0

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        self.release()

    acquire_lock = acquire
    release_lock = release


allocate_lock = LockType
allocate = LockType
RLock = LockType


def _count():
    return 0


def start_new_thread(function, args, kwargs={}):
    raise RuntimeError("threads are not supported by Adder")


start_new = start_new_thread


def stack_size(size=0):
    return 0


def interrupt_main(signum=2):
    raise KeyboardInterrupt


class _local:
    pass


def daemon_threads_allowed():
    return True


_excepthook = None
_ExceptHookArgs = None
