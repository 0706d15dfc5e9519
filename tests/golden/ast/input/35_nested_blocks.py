def a():
    def b():
        def c():
            if x:
                for y in z:
                    while w:
                        try:
                            with v:
                                pass
                        except:
                            pass
            return c
        return b
    return a
class A:
    class B:
        class C:
            def m(self):
                pass
x = 1
