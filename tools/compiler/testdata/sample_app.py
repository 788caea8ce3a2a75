import sample_lib
from sample_lib import square

def fib(n, k=2, *, z=None):
    """docstring"""
    if n < k:
        return n
    return fib(n - 1) + fib(n - 2)

x = [i * 2 for i in range(10) if i % 3]
try:
    d = {'a': 1, 'b': 2.5}
    print(d['c'])
except (KeyError, ValueError) as e:
    print('missing', e)
else:
    pass
finally:
    print("done")
print(fib(10), sample_lib.square(3), square(x[1:3]), 100000, -3.5, "print")
f = lambda a: a + 1
assert f(1) == 2, "bad"
for i in range(3):
    while i > 0 and not i == 5:
        i -= 1
print(f"v={x[0]!r:>5}", 1 if x else 2, fib(n=3, z=1))

def classify(v, *, strict=False):
    if v is None or v in (1, 2):
        return 'small'
    elif isinstance(v, str) and not strict:
        return v[::-1]
    try:
        r = 10 // v
    except ZeroDivisionError:
        raise ValueError('zero')
    finally:
        v = 0
    return r

big = [2147483647, -2147483648, 16383, 16384, -16384, -16385, 0.1, True, False, 1.0]
a, b = (1, 2)
del big[0]
t = big[1:2] + [classify(3), classify('ab', strict=True)]
s = {str(k): k for k in range(3)}
g = x and (a or b)
import machine
machine.pin(1)
