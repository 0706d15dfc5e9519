from typing import List, Dict, Optional, Union, Callable, TypeVar, Generic
x: int = 5
y: List[int]
def g(a: "Forward", b: Optional[int] = None) -> Dict[str, int]:
    return {"a": 1}
print(__annotations__, g.__annotations__["b"], g(1))
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
print(Box[int](3).item, list[int], dict[str, list[int]], int | None, Union[int, str])
class A:
    field: int
    other: str = "default"
print(A.__annotations__, A.other, hasattr(A, "field"))
