# Index, slice, iteration and `in` edge cases of lists, tuples, strs and ranges (one generic
# sequence path in the VM serves them all).
a = list(range(10))
t = tuple(a)
for i, j, k in [(None, None, None), (2, 8, 3), (-3, None, None), (None, -7, -2), (8, 2, -1),
                (100, -100, -4), (-100, 100, 5), (5, 5, None), (7, 2, None), (-1, -11, -1)]:
    print(a[i:j:k], t[i:j:k], "0123456789"[i:j:k])
print(a[-1], t[-10], a[3], (5, 6)[True])
for bad in [10, -11, 40000, -40000]:
    try:
        a[bad]
    except IndexError as e:
        print("IndexError", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError", e)
try:
    a["x"]
except TypeError:
    print("TypeError list index")
try:
    a[::0]
except ValueError as e:
    print("ValueError", e)
try:
    t[1:"x"]
except TypeError as e:
    print("TypeError", e)
r = range(3, 40, 4)
print(r[0], r[-1], r[2], len(r), 7 in r, 8 in r, 39 in r, 43 in r, -1 in range(0, -10, -1))
print(list(range(10, 0, -3)), list(range(-5)), list(range(2, -2, -1)), range(5)[-5])
try:
    r[10]
except IndexError:
    print("IndexError range")
print(list(reversed(range(1, 10, 2))), list(reversed([])), list(reversed((7,))), list(reversed("xyz")))
print(list(enumerate([4, 5])), list(enumerate((), 3)), list(zip([1, 2, 3], "ab", (9, 8, 7))))
for i, (x, y) in enumerate(zip("pq", range(100000, 100002))):
    print(i, x, y)
n = 0
for i in range(70000, 100000, 9999):
    n = n + i
print(n, list(range(2147483640, 2147483647, 3)), list(range(-2147483647, -2147483640, 4)))
b = [1, 2, 3, 4, 5, 6, 7, 8, 9]
del b[7:1:-2]
print(b)
del b[-2:]
print(b)
del b[::1]
print(b)
b = list("abcdefgh")
del b[1::3]
print(b)
del b[0]
del b[-1]
print(b)
try:
    del b[9]
except IndexError:
    print("IndexError del")
b[1:3] = (1, 2, 3, 4)
print(b)
b[::-1] = range(len(b))
print(b)
b[-1] = "last"
b[2:] = []
print(b)
try:
    b[5] = 0
except IndexError:
    print("IndexError store")
print(3 in (1, 2, 3), 4 in [1, 2], "b" in ("a", "b"), (1, 2) in [(1, 2)], 2 in iter([1, 2]), 5 in {5: 0}.keys())
print([1, 2] + [3], (1,) + (2, 3), [0] * 3, 2 * (1, 2), [1] * -1, () * 5)
c = [1, 2]
c *= 0
print(c)
d = {"x": 1, "y": 2}
print(list(d), list(d.values()), list(d.items()), [k for k in d.keys()])
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
print(tuple("ab"), tuple([1, 2]), tuple(range(3)), list((1, 2)))
big = 2 ** 31 - 1
print(a[True], t[False], a[True:3], "abc"[True:], a[100000:], a[-100000:2], a[:-100000], a[-big::-big])
print(a[5:-big:-1], a[big:0:-3], t[-16384:16384:16384], a[16383::-16383], a[-16385:], "xyz"[-16384:])
e = list(range(6))
del e[True]
del e[-big:1]
print(e)
e[False:True] = "q"
print(e)
try:
    e[big]
except IndexError:
    print("IndexError big")
try:
    e[-big] = 1
except IndexError:
    print("IndexError -big")
