# sum, any, all, next, enumerate, reversed as Python code (lib conventions: vm-spec/lib/README.md).


def sum(iterable, start=0):
    if isinstance(start, str):
        raise TypeError("sum() can't sum strings [use ''.join(seq) instead]")
    for x in iterable:
        start = start + x
    return start


def any(iterable):
    for x in iterable:
        if x:
            return True
    return False


def all(iterable):
    for x in iterable:
        if not x:
            return False
    return True


def next(iterator, default="\0-"):
    try:
        ok = iter(iterator) is iterator
    except TypeError:
        ok = False
    if not ok:
        raise TypeError(f"'{_tn(iterator)}' object is not an iterator")
    for x in iterator:
        return x
    if default == "\0-":  # not given (the mark of order.py)
        raise StopIteration
    return default


def enumerate(iterable, start=0):
    # A zip of a counting range and the iterable: the range runs to the largest int.
    _int(start)
    return zip(range(start, 2147483647), iterable)


def reversed(seq):
    # An iterator over a reversed copy; a range's reverse is a range.
    if isinstance(seq, range):  # from its last item (start - step when empty) down
        step = seq.step
        return iter(range(seq.start + (len(seq) - 1) * step, seq.start - step, -step))
    elif not isinstance(seq, (list, tuple, str, dict)):
        raise TypeError(f"'{_tn(seq)}' object is not reversible")
    s = list(seq)
    r = []
    i = len(s)
    while i > 0:
        i -= 1
        r.append(s[i])
    return iter(r)
