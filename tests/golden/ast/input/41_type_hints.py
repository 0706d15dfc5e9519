from typing import List, Dict, Optional
def f(a: List[int], b: Dict[str, int] = {}) -> Optional[int]: ...
x: "forward ref"
y: int | None = None
z: Callable[[int, str], bool]
class C(Generic[T]):
    attr: ClassVar[int] = 0
    def m(self: "C[T]", *args: int, **kwargs: str) -> "C[T]": ...
v: tuple[*Ts]
