# sVimPy-only: a Python key function runs in a nested interpreter loop on the C stack, one level
# at most (config.ts MAX_NESTED_CALLS): a key function that itself sorts with a Python key
# raises RecursionError; builtin keys (key=len) inside a key function are fine. CPython has no
# such limit.
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
