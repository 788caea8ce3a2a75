# list and tuple methods as Python code (lib conventions: vm-spec/lib/README.md). append stays
# native (benchmarks append in their loops).


def list__insert(self, index, obj):
    n = len(self)
    _int(index)
    if index < 0:
        index += n
        if index < 0:
            index = 0
    if index > n:
        index = n
    self[index:index] = [obj]


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
    self[len(self):] = list(iterable)  # a copy first: a.extend(a) doubles a


def list__reverse(self):
    self[:] = self[::-1]


def list__copy(self):
    return self[:]


def list__clear(self):
    del self[:]


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
