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
    if isinstance(seq, range):
        n = len(seq)
        if n:
            s = seq[1] - seq[0] if n > 1 else 1
            return iter(range(seq[-1], seq[0] - s, -s))
    elif not isinstance(seq, (list, tuple, str, dict)):
        raise TypeError(f"'{_tn(seq)}' object is not reversible")
    return iter(list(seq)[::-1])
