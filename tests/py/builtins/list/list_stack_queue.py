stack = []
for ch in "([{}])":
    if ch in "([{":
        stack.append(ch)
    else:
        stack.pop()
print("balanced" if not stack else "unbalanced")
from collections import deque
q = deque()
q.extend([1, 2, 3]); q.appendleft(0)
print(q.popleft(), q.pop(), list(q), len(q), q[0], q[-1])
def brackets_ok(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = []
    for c in s:
        if c in "([{":
            st.append(c)
        elif c in pairs:
            if not st or st.pop() != pairs[c]:
                return False
    return not st
print([brackets_ok(s) for s in ["()", "([)]", "{[]}", "((", ""]])
