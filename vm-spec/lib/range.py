# len(r), r[i] and `x in r` of a range r (lib conventions: vm-spec/lib/README.md): the VM keeps
# only range iteration and hands these over (LibKind RANGE: len(r) and r[i]; RANGE_IN,
# RANGE_NOT_IN: an int x). They read r.start, r.stop and r.step; no intermediate value leaves
# the ints of the range's ends (the VM's ints are 32 bits).


def _range(r, i="\0-"):
    # len(r) (no i), else r[i]
    a = r.start
    b = r.stop
    step = r.step
    if step < 0:  # the length of the mirrored range
        a = -a
        b = -b
        step = -step
    n = 0
    if a < b:  # ceil((b - a) / step) without b - a
        n = b // step - a // step + (b % step > a % step)
    if i == "\0-":
        return n
    if not isinstance(i, int):
        raise TypeError(f"range indices must be integers or slices, not {_tn(i)}")
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError("range object index out of range")
    return r.start + i * r.step


def _range_in(x, r):
    # x an int (any other value the VM compares with each item)
    a = r.start
    step = r.step
    if step > 0:
        inside = a <= x < r.stop
    else:
        inside = r.stop < x <= a
    return inside and x % step == a % step


def _range_not_in(x, r):
    t = x in r  # _range_in (`not (x in r)` would compile to `x not in r`: this function)
    return not t
