# len(r), r[i] and `x in r` of a range r (lib conventions: vm-spec/lib/README.md): the VM keeps
# only range iteration and hands these over (LibKind RANGE_LEN, RANGE_ITEM, RANGE_IN,
# RANGE_NOT_IN). They read r.start, r.stop and r.step; no intermediate value leaves the ints
# of the range's ends (the VM's ints are 32 bits).


def _range_len(r):
    start = r.start
    stop = r.stop
    step = r.step
    if step < 0:  # the length of the mirrored range
        start = -start
        stop = -stop
        step = -step
    if start >= stop:
        return 0
    # ceil((stop - start) / step) without stop - start
    return stop // step - start // step + (stop % step > start % step)


def _range_item(r, i):
    if not isinstance(i, int):
        raise TypeError(f"range indices must be integers or slices, not {_tn(i)}")
    n = len(r)  # _range_len (found by kind: not callable by name)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("range object index out of range")
    return r.start + i * r.step


def _range_in(x, r):
    # x an int (any other value the VM compares with each item)
    start = r.start
    step = r.step
    if step > 0:
        inside = start <= x < r.stop
    else:
        inside = r.stop < x <= start
    return inside and x % step == start % step


def _range_not_in(x, r):
    t = x in r  # _range_in (`not (x in r)` would compile to `x not in r`: this function)
    return not t

