x = yield 1 2
