# list and tuple methods as Python code (lib conventions: vm-spec/lib/README.md). append stays
# native (benchmarks append in their loops). The methods assign no slices: that would bring
# _slice_set into the image too.


def list__insert(self, index, obj):
    n = len(self)
    _int(index)
    if index < 0:
        index += n
        if index < 0:
            index = 0
    if index > n:
        index = n
    self.append(obj)
    while n > index:  # the items from index on move one place up
        self[n] = self[n - 1]
        n -= 1
    self[index] = obj


def list__remove(self, value):
    i = 0
    while i < len(self):
        x = self[i]
        if x is value or x == value:  # equal as in CPython: the same object, or ==
            del self[i]
            return
        i += 1
    raise ValueError("list.remove(x): x not in list")


def list__extend(self, iterable):
    for x in list(iterable):  # a copy first: a.extend(a) doubles a
        self.append(x)


def list__reverse(self):
    i = 0
    j = len(self) - 1
    while i < j:
        self[i], self[j] = self[j], self[i]
        i += 1
        j -= 1


def list__copy(self):
    return list(self)


def list__clear(self):
    while self:
        del self[-1]


def list__pop(self, index=-1):
    _int(index)
    n = len(self)
    if n == 0:
        raise IndexError("pop from empty list")
    if index < -n or index >= n:
        raise IndexError("pop index out of range")
    v = self[index]
    del self[index]
    return v


def list__index(self, value, start=0, stop=2147483647):
    i = _find_item(self, value, start, stop)
    if i < 0:
        raise ValueError("%r is not in list" % (value,))
    return i


def tuple__index(self, value, start=0, stop=2147483647):
    i = _find_item(self, value, start, stop)
    if i < 0:
        raise ValueError("tuple.index(x): x not in tuple")
    return i


def _find_item(seq, value, start, stop):
    # The first position of value in seq[start:stop] (the same object, or ==, as CPython), or -1.
    if not (isinstance(start, int) and isinstance(stop, int)):
        raise TypeError("slice indices must be integers or have an __index__ method")
    i = _start(start, len(seq))
    stop = _end(stop, len(seq))
    while i < stop:
        x = seq[i]
        if x is value or x == value:
            return i
        i += 1
    return -1


def list__count(self, value):
    return _count(self, value)


def tuple__count(self, value):
    return _count(self, value)


def _count(seq, value):
    c = 0
    for x in seq:
        if x is value or x == value:
            c += 1
    return c


def _slice_get(a, s):
    # a[s] of a str, list or tuple and a slice (the VM hands these over): CPython's
    # PySlice_Unpack and PySlice_AdjustIndices with their errors (the step is checked first,
    # then start, stop), then the items one by one.
    step = s.step
    if step is None:
        step = 1
    _slice_int(step)
    if step == 0:
        raise ValueError("slice step cannot be zero")
    n = len(a)
    b = 0  # the ends lie in b..n+b: -1..n-1 for a negative step, else 0..n
    e = -n - 1  # None as the start: before the first item (for a negative step: past the last)
    if step < 0:
        b = -1
        e = n
    r = []  # the two ends
    for i in (s.start, s.stop):
        _slice_int(i)
        if i is None:
            i = e
        if i < 0:
            i += n
        if i < b:
            i = b
        if i > n + b:
            i = n + b
        r.append(i)
        e = -1 - e  # None as the stop: the other way (n <-> -n-1)
    i, j = r
    t = isinstance(a, str)
    r = []
    if t:
        r = ""  # a str grows by +=: a list of its characters would take several times its bytes
    for k in range(i, j, step):
        if t:
            r += a[k]
        else:
            r.append(a[k])
    return type(a)(r)  # a tuple of the list (a str or list: a copy)


def _slice_set(v, a, s=None):
    # a[s] = v (STORE_SUBSCR) and del v[a] (DELETE_SUBSCR: two arguments) of a list and a
    # slice; the VM drops the result. The slice's indices are those of a list of positions
    # sliced by _slice_get (with CPython's errors for bad slices; the compiler adds _slice_get
    # for the slices below).
    if s is None:
        i = list(range(len(v)))[a]
        if i and i[0] < i[-1]:
            i = i[::-1]  # the last first: the others keep their places
        for k in i:
            del v[k]
        return
    i = list(range(len(a)))[s]
    step = s.step
    try:
        v = list(v)  # a copy first: a[:] = a, and any iterable
    except TypeError:
        raise TypeError("can only assign an iterable" if step is None or step == 1 else "must assign iterable to extended slice")
    if step is None or step == 1:
        start = 0 if s.start is None else len(a[:s.start])  # the start, clamped as CPython does
        v += a[start + len(i):]
        while len(a) > start:
            del a[-1]
        for x in v:
            a.append(x)
        return
    if len(v) != len(i):
        raise ValueError(f"attempt to assign sequence of size {len(v)} to extended slice of size {len(i)}")
    for x in v:
        a[i[0]] = x
        del i[0]


def _repeat(a, b):
    # a * b of a str, list or tuple and an int, either way round (the VM hands these over).
    if not isinstance(a, (list, tuple, str)):
        a, b = b, a
    if not isinstance(b, int):
        raise TypeError(f"can't multiply sequence by non-int of type '{_tn(b)}'")
    r = ""
    if not isinstance(a, str):
        r = []
    if a:
        for i in range(b):
            r += a
    return type(a)(r)


def _irepeat(a, b):
    # a *= b of a list: a itself changes, as in CPython.
    r = a * b  # _repeat (an operator: not callable by name)
    while a:
        del a[-1]
    a += r
    return a
