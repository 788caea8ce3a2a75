# list methods as Python code (lib conventions: vm-spec/lib/README.md). append and pop stay
# native, and index and count, which tuples share (the library has no tuple methods).


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
