# Private helpers shared by the lib files.


def _tn(v):
    # The type name of v as CPython's messages print it: "<class 'int'>"[8:-2].
    t = str(type(v))
    return _sub(t, 8, len(t) - 2)


def _int(v):
    # An argument that must be an int (as CPython's __index__ check).
    if not isinstance(v, int):
        raise TypeError(f"'{_tn(v)}' object cannot be interpreted as an integer")


def _start(i, n):
    # A start argument as CPython adjusts it: None is 0, negative counts from the end (at least 0).
    _slice_int(i)
    if i is None:
        return 0
    if i < 0:
        i += n
        if i < 0:
            return 0
    return i + 0  # True is 1


def _end(i, n):
    # An end argument: as _start, None is n, and at most n.
    if i is None:
        return n
    i = _start(i, n)
    if i > n:
        return n
    return i


def _slice_int(i):
    # A slice index (or a start or end argument) must be an int or None.
    if not (i is None or isinstance(i, int)):
        raise TypeError("slice indices must be integers or None or have an __index__ method")


def _sub(s, i, j):
    # s[i:j] of a str for 0 <= i: its characters one by one. Library code slices strs with
    # this: a slice is a call of _slice_get, which would come into every image that formats.
    r = ""
    for k in range(i, j):
        if k < len(s):
            r += s[k]
    return r
