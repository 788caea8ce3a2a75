# sum, any, all as Python code (lib conventions: vm-spec/lib/README.md).


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
