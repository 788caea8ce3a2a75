def bad_key(v):
    if v == 3:
        raise ValueError("no three")
    return -v

try:
    sorted([1, 2, 3], key=bad_key)
except ValueError as e:
    print("key raised", e)

def inner_sort(words):
    return sorted(words, key=lambda w: sorted(w, key=ord, reverse=True)[0])

print(inner_sort(["ba", "ab", "zz", "ac"]))

def f(n):
    try:
        return max([1, n, 2], key=bad_key)
    except ValueError:
        return "handled in f"

print(f(3), f(0))
print(min([], default="empty"), max([4, 9, 9], key=lambda v: v % 5))
try:
    min([])
except ValueError:
    print("min of empty")

a = [1, 2]
b = a
a += [3]
a *= 2
print(a, b, a is b)
t = (1,)
u = t
t += (2,)
print(t, u)
a = [0, 1, 2, 3, 4, 5, 6, 7]
a[5:2] = ["x"]
print(a)
a[:] = a
print(a)
del a[::-2]
print(a)
a[1:1] = range(3)
print(a)
a[::3] = "abc"
print(a)
try:
    a[::2] = [1]
except ValueError:
    print("extended slice size")

d = {}
for i in range(60):
    d[i % 7] = i
    if i % 3 == 0:
        del d[i % 7]
print(d, len(d))
big = {100000: "big", 1: "one", (1, 2): "pair", "s": "str"}
print(big[100000], big[True], big[(1, 2)], big["s"], 50000 * 2 in big)
x, y = {"p": 1, "q": 2}
print(x, y)
c, e = range(2)
print(c, e)
g, h = iter("gh")
print(g, h)
try:
    p, q = [1, 2, 3]
except ValueError:
    print("too many")
print(list(enumerate("ab", 5)), list(zip("abc", range(10))))
print(list(reversed("abc")), list(reversed((1, 2))), sorted("bca", reverse=True))
print([3, 1] < [3, 1, 0], (2, "a") > (1, "z"), [[1, 2], [0]] > [[1, 2]])
print(sum(range(5), 10), any([x > 3 for x in [1]]), all([]))
print(dict(zip("ab", [1, 2]), c=3), [1, 2].index(2), (1, 1, 2).count(1))
print(isinstance(True, int), isinstance(None, (int, type(None))), type(range(2)))
L = [5, 3, 8]
L.sort(key=lambda v: -v, reverse=True)
print(L, L.pop(), L.pop(0), L)
print(list({"a": 1, "b": 2}.items()), "b" in {"b": 1}.keys(), 2 in {"b": 2}.values())
print(sum(zip((1, 2), (3, 4)), ()), sum([[1], [2]], [0]))
