for exc in [ZeroDivisionError, KeyError, IndexError, FileNotFoundError, UnicodeDecodeError, RecursionError,
            NotImplementedError, ModuleNotFoundError, StopIteration, KeyboardInterrupt, SystemExit,
            GeneratorExit, TimeoutError, BrokenPipeError, IndentationError, TabError, UnboundLocalError,
            OverflowError, DeprecationWarning, BlockingIOError, ExceptionGroup]:
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:]])
print(issubclass(OSError, Exception), IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyboardInterrupt, Exception), issubclass(BaseExceptionGroup, BaseException))
