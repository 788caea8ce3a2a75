# sorted, list.sort, min, max: ordering builtins as Python code (lib conventions: vm-spec/lib/README.md).
# Keys are computed first, once per item, as in CPython; the sort is a stable insertion sort
# in place (lists are short on a 1.4 KB heap and it needs no buffer).


def sorted(iterable, key=None, reverse=False):
    items = list(iterable)
    _sort(items, key, reverse)
    return items


def list__sort(self, key=None, reverse=False):
    _sort(self, key, reverse)


def _sort(items, key, reverse):
    keys = items
    if key is not None:
        keys = []
        for x in items:
            keys.append(key(x))
    i = 1
    while i < len(items):
        item = items[i]
        k = keys[i]
        j = i
        # Move left past the keys that k must precede: only strictly smaller ones (stable; with
        # reverse, CPython's reverse-sort-reverse also keeps equal items in their order).
        while j > 0:
            before = keys[j - 1]
            if reverse:
                if not before < k:
                    break
            elif not k < before:
                break
            items[j] = items[j - 1]
            keys[j] = before
            j -= 1
        items[j] = item
        keys[j] = k
        i += 1


# No *args in the VM: min/max take up to 8 positional arguments; "\0-" marks an absent one
# (an image constant, so only the same literal is the same object). Library functions have
# positional defaults only: key and default could also be given as arguments 9 and 10.
def min(a, b="\0-", c="\0-", d="\0-", e="\0-", f="\0-", g="\0-", h="\0-", key=None, default="\0-"):
    return _best("min", a, (b, c, d, e, f, g, h), key, default)


def max(a, b="\0-", c="\0-", d="\0-", e="\0-", f="\0-", g="\0-", h="\0-", key=None, default="\0-"):
    return _best("max", a, (b, c, d, e, f, g, h), key, default)


def _best(name, a, rest, key, default, no="\0-"):
    items = a
    if rest[0] is not no:
        if default is not no:
            raise TypeError(f"Cannot specify a default for {name}() with multiple positional arguments")
        items = [a]
        for x in rest:
            if x is no:
                break
            items.append(x)
    big = name == "max"
    best = no
    best_key = None
    # The first smallest (largest) item wins, as in CPython (which compares with < for min, > for max).
    for x in items:
        k = x
        if key is not None:
            k = key(x)
        if best is no or (k > best_key if big else k < best_key):
            best = x
            best_key = k
    if best is no:
        if default is no:
            raise ValueError(name + "() arg is an empty sequence")
        return default
    return best


# Comparisons the VM hands over (vm-spec/compare.ts): COMPARE_OP of two lists or two tuples
# (ordered item by item), == and != of two lists or two dicts, and `in` over items it does not
# compare itself. Items are equal as in CPython: the same object, or ==.
def _lt(a, b):
    return _compare(a, b, 0)


def _le(a, b):
    return _compare(a, b, 1)


def _eq(a, b):
    return _compare(a, b, 2)


def _ne(a, b):
    return _compare(a, b, 3)


def _gt(a, b):
    return _compare(a, b, 4)


def _ge(a, b):
    return _compare(a, b, 5)


def _in(a, b):
    return _has(b, a)


def _not_in(a, b):
    return not _has(b, a)


def _has(b, a):
    # (operators are found by kind, not by name: _in and _not_in share this)
    for x in b:
        if x is a or x == a:
            return True
    return False


def _compare(a, b, op):
    if isinstance(a, dict):
        # (== or !=) the same keys with equal values
        same = len(a) == len(b)
        for k in a:
            if not same:
                break
            same = k in b and (a[k] is b[k] or a[k] == b[k])
        return same == (op == 2)
    # The first unequal items decide, else the lengths.
    x = len(a)
    y = len(b)
    i = 0
    while i < x and i < y:
        if not (a[i] is b[i] or a[i] == b[i]):
            x = a[i]
            y = b[i]
            break
        i += 1
    if op == 0:
        return x < y
    if op == 1:
        return x <= y
    if op == 2:
        return x == y
    if op == 3:
        return x != y
    if op == 4:
        return x > y
    return x >= y
