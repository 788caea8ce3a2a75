# The TypeError of a call that does not match the called Python function's parameters.


def _call_error(f, p, n, d, g, m):
    # Raised by the VM (vm.ts callError) in place of a call of function f (p: its parameter
    # names, n: how many are positional, d: how many of those have defaults). m < 0: keyword
    # argument g is unexpected (-2) or names a parameter already bound (-1); m > 0: bit i for
    # each unbound parameter i (positional ones, else keyword-only ones); m 0: g positional
    # arguments are too many.
    if m < 0:
        c = 1
        s = f" '{g}'"
        m = "got multiple values for" if m == -1 else "got an unexpected keyword"
    elif m:
        s = ""
        c = 0
        i = 0
        while m:
            if m & 1:
                if c:
                    s += ("," if c > 1 or m > 1 else "") + (" and " if m == 1 else " ")
                s += f"'{p[i]}'"
                c += 1
            m >>= 1
            i += 1
        m = f"missing {c} required {'keyword-only' if i > n else 'positional'}"
        s = ": " + s
    else:
        c = n
        if d:
            c = f"from {n - d} to {n}"
        m = f"takes {c} positional"
        s = f" but {g} {'was' if g == 1 else 'were'} given"
    raise TypeError(f"{f}() {m} argument{'s' if c != 1 else ''}{s}")
