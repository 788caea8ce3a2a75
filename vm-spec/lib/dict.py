# dict methods as Python code (lib conventions: vm-spec/lib/README.md). keys, values, items and
# update (it takes keyword arguments) stay native.


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
    return dict(self)


def dict__clear(self):
    for k in list(self):
        del self[k]
