# The str methods as Python code (lib conventions: vm-spec/lib/README.md). strs are UTF-8 bytes
# in the VM: indexing, slicing, comparisons and `in` work on bytes; case and whitespace are ASCII.
# Whitespace (split, strip) is " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", as str.isspace for ASCII.


def _need_str(v):
    if not isinstance(v, str):
        raise TypeError("must be str, not " + _tn(v))


def _find(s, sub, start, end):
    _need_str(sub)
    i = _start(start, len(s))
    end = _end(end, len(s))
    m = len(sub)
    while i + m <= end:
        if _sub(s, i, i + m) == sub:
            return i
        i += 1
    return -1


def str__find(self, sub, start=None, end=None):
    return _find(self, sub, start, end)


def str__index(self, sub, start=None, end=None):
    i = _find(self, sub, start, end)
    if i < 0:
        raise ValueError("substring not found")
    return i


def str__count(self, sub, start=None, end=None):
    _need_str(sub)
    i = _start(start, len(self))
    end = _end(end, len(self))
    m = len(sub)
    if end - i < m:
        return 0
    if m == 0:
        return end - i + 1
    c = 0
    while i + m <= end:
        if _sub(self, i, i + m) == sub:
            c += 1
            i += m
        else:
            i += 1
    return c


def str__startswith(self, prefix, start=None, end=None):
    return _affix(self, prefix, start, end, "startswith")


def str__endswith(self, suffix, start=None, end=None):
    return _affix(self, suffix, start, end, "endswith")


def _affix(s, affix, start, end, name):
    items = affix
    if not isinstance(affix, tuple):
        if not isinstance(affix, str):
            raise TypeError(f"{name} first arg must be str or a tuple of str, not {_tn(affix)}")
        items = (affix,)
    i = _start(start, len(s))
    j = _end(end, len(s))
    for a in items:
        if not isinstance(a, str):
            raise TypeError(f"tuple for {name} must only contain str, not {_tn(a)}")
        m = len(a)
        if j - i >= m:
            if name == "endswith":
                if _sub(s, j - m, j) == a:
                    return True
            elif _sub(s, i, i + m) == a:
                return True
    return False


def str__split(self, sep=None, maxsplit=-1):
    _int(maxsplit)
    parts = []
    n = len(self)
    i = 0  # where the current piece starts
    if sep is None:
        ws = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
        while True:
            while i < n and self[i] in ws:
                i += 1
            if i == n:
                break
            if maxsplit == 0:
                parts.append(_sub(self, i, n))  # the rest keeps its trailing whitespace
                break
            j = i
            while j < n and self[j] not in ws:
                j += 1
            parts.append(_sub(self, i, j))
            maxsplit -= 1
            i = j
        return parts
    if not isinstance(sep, str):
        raise TypeError("must be str or None, not " + _tn(sep))
    m = len(sep)
    if m == 0:
        raise ValueError("empty separator")
    j = 0
    while maxsplit != 0 and j + m <= n:
        if _sub(self, j, j + m) == sep:
            parts.append(_sub(self, i, j))
            j += m
            i = j
            maxsplit -= 1
        else:
            j += 1
    parts.append(_sub(self, i, n))
    return parts


def str__strip(self, chars=None):
    return _strip(self, chars, 3, "strip")


def str__lstrip(self, chars=None):
    return _strip(self, chars, 1, "lstrip")


def str__rstrip(self, chars=None):
    return _strip(self, chars, 2, "rstrip")


def _strip(s, chars, sides, name):
    # sides: 1 the left, 2 the right, 3 both.
    if chars is None:
        chars = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
    elif not isinstance(chars, str):
        raise TypeError(name + " arg must be None or str")
    i = 0
    j = len(s)
    if sides & 1:
        while i < j and s[i] in chars:
            i += 1
    if sides & 2:
        while j > i and s[j - 1] in chars:
            j -= 1
    return _sub(s, i, j)


def str__replace(self, old, new, count=-1):
    _replace_arg(1, old)
    _replace_arg(2, new)
    _int(count)
    out = ""
    n = len(self)
    m = len(old)
    i = 0  # self[:i] is done
    j = 0  # the next place to look for old
    while count != 0 and j + m <= n:
        if _sub(self, j, j + m) == old:
            out += _sub(self, i, j) + new
            j += m
            i = j
            count -= 1
            if m:
                continue
        j += 1  # an empty old matches between every two characters
    return out + _sub(self, i, n)


def _replace_arg(n, v):
    if not isinstance(v, str):
        name = "None"  # argument clinic's messages name None itself
        if v is not None:
            name = _tn(v)
        raise TypeError(f"replace() argument {n} must be str, not {name}")


def str__join(self, iterable):
    try:
        it = iter(iterable)
    except TypeError:
        raise TypeError("can only join an iterable")
    out = ""
    i = 0
    for x in it:
        if not isinstance(x, str):
            raise TypeError(f"sequence item {i}: expected str instance, {_tn(x)} found")
        if i:
            out += self
        out += x
        i += 1
    return out


def str__upper(self):
    return _case(self, "a", "z", -32)


def str__lower(self):
    return _case(self, "A", "Z", 32)


def _case(s, first, last, shift):
    out = ""
    for c in s:
        if first <= c <= last:
            c = chr(ord(c) + shift)
        out += c
    return out


def str__isdigit(self):
    for c in self:
        if not "0" <= c <= "9":
            return False
    return len(self) > 0
