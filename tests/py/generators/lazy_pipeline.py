def read_lines():
    for line in ["10", "x", "20", "", "30"]:
        print("read", repr(line))
        yield line
def parse(lines):
    for l in lines:
        if l.isdigit():
            yield int(l)
def running_total(nums):
    t = 0
    for n in nums:
        t += n
        yield t
for total in running_total(parse(read_lines())):
    print("total", total)
