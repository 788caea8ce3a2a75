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
