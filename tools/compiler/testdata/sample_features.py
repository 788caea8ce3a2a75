counter = 0
def bump(n=1):
    global counter
    counter += n
    return counter

def outer(a):
    def inner(b):
        return b * 2
    return inner(a)

d = {k: v for k, v in [(1, 2), (3, 4)]}
lst = [1, 2, 3, 4]
lst[1:3] = [9]
del lst[0]
print(3 in lst, 4 not in lst, 1 < bump() <= 5)
i = 0
while i < 3:
    i += 1
else:
    print('done')
def g(x):
    try:
        return 1 / x
    except ZeroDivisionError:
        raise
    finally:
        print('f')
try:
    g(0)
except Exception as e:
    print(type(e), e)
if __name__ == '__main__':
    print(f'{counter:04d}', outer(2), -counter, ~counter, not counter, counter ** 2, 7 // 2, 7 % 3, 1 << 3, 5 & 3 | 8 ^ 1)
x = None
if x is None:
    x = lst[-1] if lst else None
s = 'abc'
for ch in s:
    print(ch.upper(), len(s), s[::2])
a, b = b, a = 1, 2
n = -16385
t = (1, (2.5, 'x'), None)
