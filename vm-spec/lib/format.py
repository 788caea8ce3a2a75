# str % args and format specs as Python code (lib conventions: README.md). The VM calls
# _percent(fmt, args) for a str on the left of % and _format_spec(value, spec) for an f-string's
# {value:spec} (the compiler adds them to images that have such operations, as LibKind PERCENT
# and SPEC). Library code's own f"{x:.{p}f}" (f, e or g, a float) is the VM's native digit
# primitive: the float conversions here build on it, and nothing here may use % on a str.


def _percent(fmt, args):
    # CPython's printf-style formatting: %(key), flags - + space # 0, width and precision (or
    # *), conversions s r a c d i u o x X e E f F g G, and %%.
    items = args
    if not isinstance(args, tuple):
        items = (args,)
    keyed = isinstance(args, (dict, list, range))  # a mapping: the last check is skipped
    out = ""
    n = len(fmt)
    k = 0
    i = 0
    start = 0
    while i < n:
        if fmt[i] != "%":
            i += 1
            continue
        out += fmt[start:i]
        i += 1
        start = i + 1
        if fmt[i:start] == "%":
            out += "%"
            i = start
            continue
        v = None
        given = False
        if fmt[i:start] == "(":
            if not keyed:
                raise TypeError("format requires a mapping")
            depth = 1
            j = start
            while depth:
                if j >= n:
                    raise ValueError("incomplete format key")
                if fmt[j] == "(":
                    depth += 1
                elif fmt[j] == ")":
                    depth -= 1
                j += 1
            v = args[fmt[start:j - 1]]
            given = True
            i = j
        flags = ""
        while fmt[i:i + 1] in ("-", "+", " ", "#", "0"):
            flags += fmt[i]
            i += 1
        if fmt[i:i + 1] == "*":
            width = _star(items, k)
            k += 1
            i += 1
            if width < 0:
                flags += "-"
                width = -width
        else:
            j = _digits_end(fmt, i)
            width = int("0" + fmt[i:j])
            i = j
        prec = -1
        if fmt[i:i + 1] == ".":
            i += 1
            if fmt[i:i + 1] == "*":
                prec = _star(items, k)
                k += 1
                i += 1
                if prec < 0:
                    prec = 0
            else:
                j = _digits_end(fmt, i)
                prec = int("0" + fmt[i:j])
                i = j
        if fmt[i:i + 1] in ("h", "l", "L"):
            i += 1
        if i >= n:
            raise ValueError("incomplete format")
        t = fmt[i]
        i += 1
        start = i
        if not given:
            if k >= len(items):
                raise TypeError("not enough arguments for format string")
            v = items[k]
            k += 1
        out += _convert(v, t, flags, width, prec, i - 1)
    if k < len(items) and not keyed:
        raise TypeError("not all arguments converted during string formatting")
    return out + fmt[start:]


def _star(items, k):
    # A '*' width or precision: the next argument, an int.
    if k >= len(items):
        raise TypeError("not enough arguments for format string")
    if not isinstance(items[k], int):
        raise TypeError("* wants int")
    return items[k]


def _digits_end(s, i):
    while s[i:i + 1] in ("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"):
        i += 1
    return i


def _convert(v, t, flags, width, prec, at):
    # One % conversion t of v (at: t's index in the format, for the error).
    align = ">"
    fill = " "
    if "-" in flags:
        align = "<"
    if t in ("s", "r", "a", "c"):
        if t == "s":
            s = str(v)
        elif t != "c":
            s = repr(v)
        elif isinstance(v, int):
            s = _num_text(v, t, "", False, -1)
        elif isinstance(v, str) and len(v) == 1:
            s = v
        else:
            raise TypeError("%c requires int or char")
        if prec >= 0 and t != "c":
            s = s[:prec]
        return _align(s, 0, width, align, fill)
    if t in ("d", "i", "u", "o", "x", "X"):
        if not isinstance(v, (int, float)) or (isinstance(v, float) and t in ("o", "x", "X")):
            kind = "a real number"
            if t in ("o", "x", "X"):
                kind = "an integer"
            raise TypeError(f"%{t} format: {kind} is required, not {_tn(v)}")
        if t != "x" and t != "X" and t != "o":
            t = "d"
    elif t in ("e", "E", "f", "F", "g", "G"):
        if not isinstance(v, (int, float)):
            raise TypeError("must be real number, not " + _tn(v))
    else:
        raise ValueError(f"unsupported format character '{t}' ({hex(ord(t))}) at index {at}")
    sign = ""
    if "+" in flags:
        sign = "+"
    elif " " in flags:
        sign = " "
    s = _num_text(v, t, sign, "#" in flags, prec)
    if t in ("d", "o", "x", "X") and prec > 0:
        # %.3d: at least that many digits
        lead = _lead(s, t, "#" in flags)
        s = s[:lead] + "0" * (prec + lead - len(s)) + s[lead:]
    if align == ">" and "0" in flags:
        align = "="
        fill = "0"
    return _align(s, _lead(s, t, "#" in flags), width, align, fill)


def _format_spec(value, spec):
    # format(value, spec): [[fill]align][sign][#][0][width][.precision][type].
    if spec == "":
        return str(value)
    if not isinstance(value, (int, float, str)):
        raise TypeError("unsupported format string passed to " + _tn(value) + ".__format__")
    fill = " "
    align = ""
    i = 0
    if spec[1:2] in ("<", ">", "=", "^"):
        fill = spec[0]
        align = spec[1]
        i = 2
    elif spec[:1] in ("<", ">", "=", "^"):
        align = spec[0]
        i = 1
    sign = ""
    if spec[i:i + 1] in ("+", "-", " "):
        sign = spec[i]
        i += 1
    alt = spec[i:i + 1] == "#"
    if alt:
        i += 1
    if spec[i:i + 1] == "0" and i < 2:
        fill = "0"
        if align == "" and not isinstance(value, str):
            align = "="
    j = _digits_end(spec, i)
    width = int("0" + spec[i:j])
    prec = -1
    if spec[j:j + 1] == ".":
        i = _digits_end(spec, j + 1)
        if i == j + 1:
            raise ValueError("Format specifier missing precision")
        prec = int(spec[j + 1:i])
        j = i
    t = spec[j:]
    if len(t) > 1:
        raise ValueError("Invalid format specifier")
    if isinstance(value, str):
        if t != "" and t != "s":
            _unknown(t, value)
        if sign == " ":
            raise ValueError("Space not allowed in string format specifier")
        if sign != "":
            raise ValueError("Sign not allowed in string format specifier")
        if alt:
            raise ValueError("Alternate form (#) not allowed in string format specifier")
        if align == "=":
            raise ValueError("'=' alignment not allowed in string format specifier")
        s = value
        if prec >= 0:
            s = s[:prec]
        if align == "":
            align = "<"
        return _align(s, 0, width, align, fill)
    if t in ("", "n"):
        t = "d"
        if isinstance(value, float):
            t = ""
    if isinstance(value, int) and t in ("b", "c", "d", "o", "x", "X"):
        if prec >= 0:
            raise ValueError("Precision not allowed in integer format specifier")
    elif t not in ("", "e", "E", "f", "F", "g", "G", "%"):
        _unknown(t, value)
    if t == "c" and sign != "":
        raise ValueError("Sign not allowed with integer format specifier 'c'")
    if t == "c" and alt:
        raise ValueError("Alternate form (#) not allowed with integer format specifier 'c'")
    if sign == "-":
        sign = ""
    s = _num_text(value, t, sign, alt, prec)
    if align == "":
        align = ">"
    return _align(s, _lead(s, t, alt), width, align, fill)


def _unknown(t, value):
    raise ValueError(f"Unknown format code '{t}' for object of type '{_tn(value)}'")


def _num_text(v, t, sign, alt, prec):
    # The text of number v in conversion t: d o x X b c (an int), e E f F g G % (a float), or
    # "" (a float without type: str(v), or like g keeping a '.0' with a precision); sign is
    # put before a positive number.
    if t in ("d", "o", "x", "X", "b"):
        v = int(v)  # %d of a float truncates
        if t == "d":
            s = str(v)
        else:
            base = 16
            if t == "o":
                base = 8
            elif t == "b":
                base = 2
            prefix = ""
            if alt:
                prefix = "0" + t
            s = _based(v, base, prefix)
    elif t == "c":
        if v < 0 or v > 1114111:
            raise OverflowError("%c arg not in range(0x110000)")
        return chr(v)
    else:
        x = float(v)
        c = t
        if t in ("E", "F", "G"):
            c = chr(ord(t) + 32)
        elif t == "%":
            x = x * 100
            c = "f"
        elif t == "":
            c = "g"
        if t == "" and prec < 0:
            s = str(x)
        else:
            if prec < 0:
                prec = 6
            s = f"{x:.{prec}{c}}"
        if t == "%":
            s += "%"
        if t == "" and prec >= 0 and "." not in s and "e" not in s and "n" not in s:
            # Like repr: at least one digit after the point, else the exponent form.
            d = s.replace("-", "")
            if len(d) < prec:
                s += ".0"
            else:
                tail = d[1:]
                while tail[-1:] == "0":
                    tail = tail[:-1]
                if tail != "":
                    tail = "." + tail
                e = str(len(d) - 1)
                if len(e) < 2:
                    e = "0" + e
                s = s[:len(s) - len(d)] + d[0] + tail + "e+" + e
    if sign != "" and s[0] != "-":
        s = sign + s
    if t in ("X", "E", "F", "G"):
        s = s.upper()
    return s


def _lead(s, t, alt):
    # How many bytes of number text s (sign, 0x) go before zero padding.
    lead = 0
    if s[:1] in ("+", "-", " "):
        lead = 1
    if alt and t in ("o", "x", "X", "b"):
        lead += 2
    return lead


def _align(s, lead, width, align, fill):
    # s padded to width with fill: align < > ^, or = (after the first lead bytes).
    pad = width - len(s)
    if pad <= 0:
        return s
    if align == "<":
        return s + fill * pad
    if align == "^":
        return fill * (pad // 2) + s + fill * (pad - pad // 2)
    if align == "=":
        return s[:lead] + fill * pad + s[lead:]
    return fill * pad + s
