# dict methods as Python code (lib conventions: vm-spec/lib/README.md). keys, values and items
# stay native; dict(...) and d.update(...) gather their keyword arguments natively (a function
# here takes no **kwargs) and hand the rest over to _dict_new and _dict_update with them.


def dict__get(self, key, default=None):
    if key in self:
        return self[key]
    return default


def dict__setdefault(self, key, default=None):
    if key not in self:
        self[key] = default
    return self[key]


def dict__pop(self, key, default="\0-"):
    # "\0-" marks an absent default (as in order.py).
    if key in self:
        v = self[key]
        del self[key]
        return v
    if _absent(default):
        raise KeyError(key)
    return default


def _absent(v, no="\0-"):
    return v is no


def dict__copy(self):
    d = {}  # (not dict(self): library code calls no dict() nor d.update, see _dict_new)
    for k in self:
        d[k] = self[k]
    return d


def _dict_new(kw, src):
    # dict(src, **kw): kw holds the keyword arguments (the VM gathers them: builtins-seq.ts dictCall).
    # Only here library code calls d.update (the compiler adds _dict_update with _dict_new).
    d = {}
    d.update(src)
    d.update(kw)
    return d


def _dict_update(kw, d, src=()):
    # d.update(src, **kw), as _dict_new: src a dict or an iterable of pairs (of any two-item iterables).
    if isinstance(src, dict):
        for k in src:
            d[k] = src[k]
    else:
        i = 0
        for p in src:
            try:
                p = list(p)
            except TypeError:
                p = None
            if p is None:
                raise TypeError(f"cannot convert dictionary update sequence element #{i} to a sequence")
            if len(p) != 2:
                raise ValueError(f"dictionary update sequence element #{i} has length {len(p)}; 2 is required")
            d[p[0]] = p[1]
            i += 1
    for k in kw:
        d[k] = kw[k]


def dict__clear(self):
    for k in list(self):
        del self[k]


def _build_map(t):
    # {k: v, ...} (BUILD_MAP n): t holds k1, v1, k2, v2 ... (the VM makes only {} natively)
    d = {}
    i = 0
    while i < len(t):
        d[t[i]] = t[i + 1]
        i += 2
    return d


def _const_key_map(t):
    # {"a": x, ...} (BUILD_CONST_KEY_MAP n): t holds the values, then the tuple of keys
    d = {}
    keys = t[-1]
    for i in range(len(keys)):
        d[keys[i]] = t[i]
    return d
