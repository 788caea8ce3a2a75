# Key functions that sort with Python keys themselves: sorted/min/max are library Python code
# (vm-spec/lib), so the keys are plain Python calls, nested as deep as CPython's.
def k1(v):
    return sorted(v, key=len)

def k2(v):
    return sorted(v, key=lambda w: -w)

print(sorted([["ccc", "a"], ["bb"]], key=k1))
try:
    sorted([[3, 1], [2]], key=k2)
except RecursionError:
    print("RecursionError")
print("after", max([3, 7], key=lambda v: -v), min([["bb", "a"], ["c"]], key=k1))
