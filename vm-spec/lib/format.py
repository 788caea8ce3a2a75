# str % args and format specs as Python code (lib conventions: README.md). The VM calls
# _percent(fmt, args) for a str on the left of % and _format_spec(value, spec) for an f-string's
# {value:spec} (the compiler adds them to the images that have such operations: LibKind PERCENT
# and SPEC). A float's e f g E F G are _float's, on the VM's exact digits of the float (see
# _round10; x X o of an int: num.py _based); nothing here uses % on a str. Every program that
# formats carries this code in its image, so it stays small: no %c, *, %(key), b, n, %, grouping.


def _percent(fmt, args):
    # CPython's printf-style formatting: flags - + space # 0, width, precision, conversions
    # s r a d i u o x X e E f F g G, and %%.
    items = args
    if not isinstance(args, tuple):
        items = (args,)
    out = ""
    k = 0
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%":
            out += c
            continue
        if _sub(fmt, i, i + 1) == "%":
            out += c
            i += 1
            continue
        flags = ""
        while _sub(fmt, i, i + 1) in ("-", "+", " ", "#", "0"):
            flags += fmt[i]
            i += 1
        width, j = _digits(fmt, i)
        prec = -1
        if _sub(fmt, j, j + 1) == ".":
            prec, j = _digits(fmt, j + 1)
        if j >= n:
            raise ValueError("incomplete format")
        t = fmt[j]
        i = j + 1
        if k >= len(items):
            raise TypeError("not enough arguments for format string")
        v = items[k]
        k += 1
        align = ">"
        if t in ("s", "r", "a"):
            s = str(v)
            if t != "s":
                s = repr(v)
            if prec >= 0:
                s = _sub(s, 0, prec)
        else:
            if t in ("d", "i", "u") and isinstance(v, (int, float)):
                t = "d"
            elif not (t in ("o", "x", "X") and isinstance(v, int)
                      or t in ("e", "E", "f", "F", "g", "G") and isinstance(v, (int, float))):
                _percent_error(t, v, j)
            sign = ""
            if "+" in flags:
                sign = "+"
            elif " " in flags:
                sign = " "
            s = _number(v, t, sign, "#" in flags, prec)
            if "0" in flags:
                align = "="
        if "-" in flags:
            align = "<"
        fill = " "
        if align == "=":
            fill = "0"
        out += _pad(s, width, align, fill)
    if k < len(items):
        raise TypeError("not all arguments converted during string formatting")
    return out


def _percent_error(t, v, at):
    if t in ("e", "E", "f", "F", "g", "G"):
        raise TypeError("must be real number, not " + _tn(v))
    if t in ("d", "i", "u"):
        raise TypeError(f"%{t} format: a real number is required, not {_tn(v)}")
    if t in ("o", "x", "X"):
        raise TypeError(f"%{t} format: an integer is required, not {_tn(v)}")
    raise ValueError(f"unsupported format character '{t}' ({_based(ord(t), 'x', '0x')}) at index {at}")


def _format_spec(value, spec):
    # format(value, spec): [[fill]align][sign][#][0][width][.precision][type].
    if spec == "":
        return str(value)
    fill = " "
    align = ""
    i = 0
    if _sub(spec, 1, 2) in ("<", ">", "=", "^"):
        fill = spec[0]
        i = 1
    if _sub(spec, i, i + 1) in ("<", ">", "=", "^"):
        align = spec[i]
        i += 1
    sign = _sub(spec, i, i + 1)
    if sign in ("+", "-", " "):
        i += 1
    if sign != "+" and sign != " ":
        sign = ""
    alt = _sub(spec, i, i + 1) == "#"
    if alt:
        i += 1
    if _sub(spec, i, i + 1) == "0" and align == "":
        fill = "0"
        align = "0"
    width, j = _digits(spec, i)
    prec = -1
    if _sub(spec, j, j + 1) == ".":
        prec, j = _digits(spec, j + 1)
    t = _sub(spec, j, len(spec))
    if isinstance(value, str) and t in ("", "s"):
        s = value
        if prec >= 0:
            s = _sub(s, 0, prec)
        if align in ("", "0"):
            align = "<"
    elif (isinstance(value, int) and t in ("", "d", "o", "x", "X")
          or isinstance(value, (int, float)) and t in ("", "e", "E", "f", "F", "g", "G")):
        if t == "" and isinstance(value, float):
            t = "r"
        elif t == "":
            t = "d"
        if prec >= 0 and t in ("d", "o", "x", "X"):
            raise ValueError("Precision not allowed in integer format specifier")
        s = _number(value, t, sign, alt, prec)
        if align == "0":
            align = "="
    elif not isinstance(value, (int, float, str)):
        raise TypeError("unsupported format string passed to " + _tn(value) + ".__format__")
    else:
        raise ValueError(f"Unknown format code '{t}' for object of type '{_tn(value)}'")
    return _pad(s, width, align, fill)


def _number(v, t, sign, alt, prec):
    # The text of number v in conversion t: d o x X (an int; a float truncated), e E f F g G,
    # or r (a float's str; with a precision, g); sign goes before a positive number.
    if t in ("d", "o", "x", "X"):
        v = int(v)
        s = str(v)
        if t != "d":
            p = ""
            if alt:
                p = "0" + t
            s = _based(v, t, p)
    elif t == "r" and prec < 0:
        s = str(v)
    else:
        if prec < 0:
            prec = 6
        if t == "r":
            t = "g"
        s = _float(float(v), t, prec)
    if _sub(s, 0, 1) != "-":
        s = sign + s
    return s


def _float(x, t, prec):
    # '%.{prec}{t}' % x for t in e E f F g G (a precision beyond 40 is 40).
    s = f"{x:.42e}"
    r = ""
    if s[0] == "-":
        r = "-"
        x = -x
    u = t < "a"  # upper case
    if s[-1] in "nf":  # inf, nan
        s = _sub(s, len(r), len(s))
        if u and s == "inf":
            s = "INF"
        if u and s == "nan":
            s = "NAN"
        r += s
    else:
        if prec > 40:
            prec = 40
        g = t in "gG"
        if g and prec == 0:
            prec = 1
        sci = not t in "fF"
        q = prec + 1  # the digits kept
        if g or not sci:
            q = prec
        k, e = _round10(x, q, not sci)
        # the digits of weight 10^e.. down to 10^lo, a point after 10^point when digits follow
        lo = e - q + 1
        if not sci:
            lo = -prec
        if g:
            sci = e < -4 or e >= prec
            lo = e - prec + 1
        point = 0
        if sci:
            point = e
        while e < point:
            k = "0" + k
            e += 1
        while len(k) <= e - lo:
            k += "0"
        if g:
            while lo < point and k[e - lo] == "0":
                lo += 1
        n = e - point + 1
        r += _sub(k, 0, n)
        if lo < point:
            r += "." + _sub(k, n, e - lo + 1)
        if sci:
            c = "e+"
            if u:
                c = "E+"
            if e < 0:
                c = c[0] + "-"
                e = -e
            if e < 10:
                c += "0"
            r += c + str(e)
    return r


def _round10(x, q, fixed):
    # Finite x >= 0 rounded half-even to q significant digits, or (fixed) to q decimals: its
    # digits (missing ones are zeros; none for 0) and the exponent of the first. In library
    # code f"{x:.42e}" is the VM's exact value of x in e notation (whatever the spec): at most
    # 43 significant digits and no trailing zeros; when non-zero ones were cut, the 43rd is
    # odd, which still rounds at any of the first 42 exactly.
    s = f"{x:.42e}"
    n = len(s)
    d = s[0] + _sub(s, 2, n - 4)  # the digits; the first has the weight 10^e
    e = ord(s[n - 2]) * 10 + ord(s[n - 1]) - 528  # (two digits: 528 is 48 * 11)
    if s[n - 3] == "-":
        e = -e
    if fixed:
        q += e + 1
    if q < 0:
        q = 0
        d = ""
    k = _sub(d, 0, q)
    rest = _sub(d, q, len(d))
    # (no trailing zeros: "5" is a tie, "5..." more)
    if rest > "5" or rest == "5" and ("0" + k)[-1] in "13579":
        # one unit more at k's last digit (the nines go: missing digits are zeros)
        while k != "" and k[-1] == "9":
            k = _sub(k, 0, len(k) - 1)
        if k == "":
            k = "1"
            e += 1
        else:
            k = _sub(k, 0, len(k) - 1) + chr(ord(k[-1]) + 1)
    return k, e


def _pad(s, width, align, fill):
    # s padded to width with fill: align < > ^, or = (after a sign and a 0x prefix). (Library
    # code multiplies no str: str * n is _repeat, which only a program's own * brings in.)
    pad = width - len(s)
    if pad <= 0:
        return s
    i = 0  # where the fill goes (for ^ half of it: the rest goes after s)
    if align == "<":
        i = len(s)
    if align == "=":
        if _sub(s, 0, 1) in ("+", "-", " "):
            i = 1
        if _sub(s, i, i + 1) == "0" and _sub(s, i + 1, i + 2) in ("x", "X", "o"):
            i += 2
    n = pad
    if align == "^":
        n = pad // 2
    f = ""
    for k in range(n):
        f += fill
    s = _sub(s, 0, i) + f + _sub(s, i, len(s))
    for k in range(pad - n):
        s += fill
    return s


def _digits(s, i):
    # The decimal number at s[i:] (0 when none) and the index after it. (Not int(): that would
    # add int's text parser to every image that formats.)
    n = 0
    while _sub(s, i, i + 1) in ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"):
        n = n * 10 + ord(s[i]) - 48
        i += 1
    return n, i
