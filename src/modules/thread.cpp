// The _thread module as a single-threaded runtime sees it: lock and RLock
// with CPython's acquire/release contracts, messages and reprs, get_ident,
// TIMEOUT_MAX and the helpers threading.py imports. Adder has no threads yet,
// so start_new_thread raises RuntimeError("can't start new thread") and a
// blocking acquire that no other thread could ever satisfy raises instead of
// hanging forever (FIXME: real threads). _local is left to _threading_local.
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "modules/stdlib_modules.h"
#include "objects/dict.h"
#include "objects/errors.h"
#include "objects/int.h"

namespace adder {

static Result<Value> thread_get_ident(Value, CallArgs args)
{
    TRY(check_arity(args, "get_ident", 0, 0));
    return int_from_u64(uint64_t(pthread_self()));
}

static Result<Value> thread_get_native_id(Value, CallArgs args)
{
    TRY(check_arity(args, "get_native_id", 0, 0));
    return int_from_i64(int64_t(::syscall(SYS_gettid)));
}

static const char* k_thread_prelude = R"PY(
error = RuntimeError
TIMEOUT_MAX = 9223372036.0

def _check_timeout(blocking, timeout):
    if not blocking and timeout != -1:
        raise ValueError("can't specify a timeout for a non-blocking call")
    if timeout < 0 and timeout != -1:
        raise ValueError("timeout value must be a non-negative number")
    if timeout > TIMEOUT_MAX:
        raise OverflowError("timeout value is too large")

def _wait_forever_or(blocking, timeout):
    # Another thread would have to release the lock, and there is none.
    if not blocking:
        return False
    if timeout == -1:
        raise RuntimeError("deadlock: blocking acquire of a held lock in a single-threaded program")
    import time
    time.sleep(timeout)
    return False

class lock:
    __slots__ = ('_locked',)
    def __init__(self):
        self._locked = False
    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        if not self._locked:
            self._locked = True
            return True
        return _wait_forever_or(blocking, timeout)
    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False
    def locked(self):
        return self._locked
    def _at_fork_reinit(self):
        self._locked = False
    acquire_lock = acquire
    release_lock = release
    locked_lock = locked
    __enter__ = acquire
    def __exit__(self, *args):
        self.release()
    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return f"<{state} _thread.lock object at {id(self):#x}>"

LockType = lock

def allocate_lock():
    return lock()
allocate = allocate_lock

class RLock:
    __slots__ = ('_owner', '_count')
    def __init__(self, *args, **kwargs):
        self._owner = 0
        self._count = 0
    def acquire(self, blocking=True, timeout=-1):
        _check_timeout(blocking, timeout)
        me = get_ident()
        if self._count and self._owner == me:
            self._count += 1
            return True
        if not self._count:
            self._owner = me
            self._count = 1
            return True
        return _wait_forever_or(blocking, timeout)
    def release(self):
        if not self._count or self._owner != get_ident():
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if not self._count:
            self._owner = 0
    __enter__ = acquire
    def __exit__(self, *args):
        self.release()
    def _is_owned(self):
        return bool(self._count) and self._owner == get_ident()
    def _release_save(self):
        if not self._count:
            raise RuntimeError("cannot release un-acquired lock")
        state = (self._count, self._owner)
        self._count = 0
        self._owner = 0
        return state
    def _acquire_restore(self, state):
        self._count, self._owner = state
    def _at_fork_reinit(self):
        self._owner = 0
        self._count = 0
    def __repr__(self):
        state = 'locked' if self._count else 'unlocked'
        return f"<{state} _thread.RLock object owner={self._owner} count={self._count} at {id(self):#x}>"

def start_new_thread(function, args, kwargs=None):
    # FIXME: Adder has no threads yet.
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    raise RuntimeError("can't start new thread")
start_new = start_new_thread

def exit():
    raise SystemExit
exit_thread = exit

def interrupt_main(signum=2):
    raise KeyboardInterrupt

def _count():
    return 0

def _set_sentinel():
    return lock()

_stack_size = 0
def stack_size(size=0):
    global _stack_size
    if size != 0 and size < 32768:
        raise ValueError("size not valid: %d bytes" % size)
    old = _stack_size
    _stack_size = size
    return old
)PY";

Module* create_thread_module()
{
    Module* m = Module::create("_thread");
    stdmod::def(m, "get_ident", thread_get_ident);
    stdmod::def(m, "get_native_id", thread_get_native_id);
    if (stdmod::run_prelude(m, k_thread_prelude).is_error())
        return nullptr;
    return m;
}

} // namespace adder
