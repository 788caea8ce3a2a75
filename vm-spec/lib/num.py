# Number builtins as Python code: abs, divmod, pow, round, hex, bin (lib conventions:
# vm-spec/lib/README.md). Ints are exact 32-bit: the code avoids intermediate results beyond
# (negating -2**31, products of two residues) where CPython's result fits.


def abs(x):
    if x < 0:
        return -x
    return x + 0  # -0.0 becomes 0.0, True becomes 1


def divmod(a, b):
    if not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        raise TypeError(f"unsupported operand type(s) for divmod(): '{_tn(a)}' and '{_tn(b)}'")
    if isinstance(a, float) or isinstance(b, float):
        return _float_divmod(a, b, "float divmod()")
    return (a // b, a % b)


def pow(base, exp, mod=None):
    if mod is None:
        return base ** exp
    if not (isinstance(base, int) and isinstance(exp, int) and isinstance(mod, int)):
        raise TypeError("pow() 3rd argument not allowed unless all arguments are integers")
    if mod == 0:
        raise ValueError("pow() 3rd argument cannot be 0")
    m = mod
    if m < 0:
        m = -m
    b = base % m
    if exp < 0:
        b = _inverse(b, m)
        exp = -exp
    r = 1 % m
    while exp:
        if exp & 1:
            r = _mulmod(r, b, m)
        b = _mulmod(b, b, m)
        exp >>= 1
    if mod < 0 and r:
        r -= m
    return r


def _mulmod(a, b, m):
    # a * b % m for 0 <= a, b < m, by doubling when the product could leave 32 bits.
    if m < 46341:
        return a * b % m
    r = 0
    while b:
        if b & 1:
            r = _addmod(r, a, m)
        a = _addmod(a, a, m)
        b >>= 1
    return r


def _addmod(a, b, m):
    if a >= m - b:
        return a - (m - b)
    return a + b


def _inverse(a, m):
    # The inverse of a modulo m by the extended Euclidean algorithm (CPython 3.8+ pow).
    r0 = m
    r1 = a
    t0 = 0
    t1 = 1
    while r1:
        q = r0 // r1
        r0, r1 = r1, r0 - q * r1
        t0, t1 = t1, t0 - q * t1
    if r0 != 1:
        raise ValueError("base is not invertible for the given modulus")
    return t0 % m


def round(number, ndigits=None):
    if not isinstance(number, (int, float)):
        raise TypeError(f"type {_tn(number)} doesn't define __round__ method")
    if ndigits is None:
        if isinstance(number, int) or number - number != 0:
            return int(number)  # inf: OverflowError, nan: ValueError, as CPython
        return int(_half_even(number))
    _int(ndigits)
    if isinstance(number, int):
        if ndigits >= 0:
            return int(number)
        return _round_int(number, ndigits)
    if number - number != 0 or number == 0 or ndigits > 45:
        return number
    if ndigits < 0:
        if ndigits < -38:
            return number * 0.0
        p = 10.0 ** -ndigits
        return _half_even(number / p) * p
    # As CPython: the exact value rounded half-even to ndigits decimals (format.py _round10),
    # read back as digits and an exponent, which the native float reads (40 digits or more: a
    # value with that many digits, exact).
    sign = 1.0
    if number < 0:
        sign = -1.0
        number = -number
    digits, e = _round10(number, ndigits, True)
    if len(digits) > 39:
        return sign * number
    return sign * float(f"0{digits}e{e - len(digits) + 1}")


def _half_even(x):
    # x rounded to a whole float, ties to even; a zero keeps the sign of x.
    f = _floor(x)
    r = x - f
    if r > 0.5 or (r == 0.5 and int(f) & 1):
        f += 1.0
    if f == 0:
        return x * 0.0
    return f


def _floor(x):
    # floor(x) of a float (beyond 2**23 every f32 is whole; inf and nan stay).
    f = x
    if -2147483648.0 < x < 2147483648.0:
        f = int(x) * 1.0
        if f > x:
            f -= 1.0
    return f


def _float_floordiv(x, y):
    # x // y with a float operand (the VM hands it over; int // int stays native).
    return _float_divmod(x, y, "float floor division by zero")[0]


def _float_mod(x, y):
    # x % y with a float operand (the VM hands it over; int % int stays native).
    return _float_divmod(x, y, "float modulo")[1]


def _float_divmod(x, y, zero):
    # (x // y, x % y) as CPython's float_divmod, in f32 exactly: fmod(|x|, |y|) subtracts |y|
    # times powers of two, each step exact (m <= r < 2m), then the floor of the quotient.
    x *= 1.0
    y *= 1.0
    if y == 0:
        raise ZeroDivisionError(zero)
    a = x
    if x < 0:
        a = -x
    b = y
    if y < 0:
        b = -y
    mod = x
    if a - a != 0 or b != b:
        mod = 1e999 * 0.0  # nan
    elif a >= b and b - b == 0:
        m = b
        while m <= a * 0.5:
            m *= 2.0
        r = a
        while True:
            if r >= m:
                r -= m
            if m == b:
                break
            m *= 0.5
        mod = r
        if x < 0:
            mod = -r
    div = (x - mod) / y
    if mod:
        if (y < 0) != (mod < 0):
            mod += y
            div -= 1.0
    else:
        mod = 0.0
        if y < 0:
            mod = -0.0
    if not div:
        return (x / y * 0.0, mod)
    f = _floor(div)
    if div - f > 0.5:
        f += 1.0
    return (f, mod)


def _round_int(n, ndigits):
    # round(n, ndigits) for an int and ndigits < 0: the nearest multiple of 10**-ndigits, ties to even.
    if ndigits < -9:
        return 0
    p = 10 ** -ndigits
    q = n // p
    r = n - q * p
    if r > p - r or (r == p - r and q & 1):
        q += 1
    return q * p


def hex(n):
    _int(n)
    return _based(n, "x", "0x")


def bin(n):
    _int(n)
    return _based(n, "b", "0b")


def _based(n, t, prefix):
    # The digits of int n in conversion t (x X o b) after '-' and prefix: hex, bin and
    # format.py's x X o (the VM writes ints in decimal only). Digits of -|n| (<= 0), so that
    # -2**31 needs no negation.
    b = 16
    if t == "o":
        b = 8
    elif t == "b":
        b = 2
    k = 0
    if t == "X":
        k = 16
    m = n
    if n > 0:
        m = -n
    s = ""
    while True:
        s = "0123456789abcdef0123456789ABCDEF"[k - m % -b] + s
        m = -(m // -b)
        if not m:
            break
    if n < 0:
        prefix = "-" + prefix
    return prefix + s


def _int_text(x="\0-", base="\0-"):
    # int(s) and int(s, base) (and int's errors): the native int hands over every call but int()
    # and int(number). Whitespace around, a sign, 0x 0o 0b prefixes, '_' between digits.
    if isinstance(base, str) and base == "\0-":
        if not isinstance(x, str):
            raise TypeError(f"int() argument must be a string, a bytes-like object or a real number, not '{_tn(x)}'")
        base = 10
    else:
        if isinstance(x, str) and x == "\0-":
            raise TypeError("int() missing string argument")
        if not isinstance(x, str):
            raise TypeError("int() can't convert non-string with explicit base")
        _int(base)
        if base < 0 or base == 1 or base > 36:
            raise ValueError("int() base must be >= 2 and <= 36, or 0")
    i = _trim(x, True)
    j = _trim(x, False)
    negative = _sub(x, i, i + 1) == "-"
    if _sub(x, i, i + 1) in ("-", "+"):
        i += 1
    b = base
    digit = False  # the byte before was a digit (or a prefix: one '_' may follow)
    if _sub(x, i, i + 1) == "0" and i + 1 < j:
        c = x[i + 1]
        p = 0
        if c in ("x", "X"):
            p = 16
        elif c in ("o", "O"):
            p = 8
        elif c in ("b", "B"):
            p = 2
        if p and (base == 0 or base == p):
            b = p
            i += 2
            digit = True
    leading = b == 0 and _sub(x, i, i + 1) == "0"  # base 0 takes no leading zeros (but 0 and 0_0)
    if b == 0:
        b = 10
    n = 0
    count = 0
    while i < j:
        c = x[i]
        i += 1
        if c == "_" and digit:
            digit = False
            continue
        d = ord(c) | 32
        if 48 <= d <= 57:
            d -= 48
        elif 97 <= d <= 122:
            d -= 87
        else:
            d = 99
        if d >= b:
            count = 0
            break
        try:
            n = n * b - d  # negative: -2**31 fits
        except OverflowError:
            raise OverflowError("int too large for 32 bits")
        count += 1
        digit = True
    if count == 0 or not digit or (leading and n != 0):
        raise ValueError(f"invalid literal for int() with base {base}: {x!r}")
    if negative:
        return n
    try:
        return -n
    except OverflowError:
        raise OverflowError("int too large for 32 bits")


def _trim(x, left):
    # Where x's text starts (left) or ends without the whitespace around it (as int() and float()).
    i = 0
    j = len(x)
    while i < j and x[i] in " \t\n\r\x0b\x0c":
        i += 1
    while j > i and x[j - 1] in " \t\n\r\x0b\x0c":
        j -= 1
    if left:
        return i
    return j


def _float_text(x):
    # float(s) and float's TypeError: the native float reads only digits with an exponent
    # ("15e-1", Python's syntax too) and hands every other call over. This reads CPython's syntax
    # (whitespace, sign, '_' between digits, '.', exponent, inf, infinity, nan) and passes the
    # native float such a str: at most 40 digits, from the first non-zero one.
    if not isinstance(x, str):
        raise TypeError(f"float() argument must be a string or a real number, not '{_tn(x)}'")
    s = _sub(x, _trim(x, True), _trim(x, False))
    sign = 1.0
    if _sub(s, 0, 1) in ("+", "-"):
        if s[0] == "-":
            sign = -1.0
        s = _sub(s, 1, len(s))
    w = ""
    for c in _sub(s, 0, 9):
        w += chr(ord(c) | 32)  # lower case (other bytes change too but match no word)
    if w in ("inf", "infinity"):
        return sign * 1e999
    if w == "nan":
        return 1e999 * 0.0
    m = ""  # the digits from the first non-zero one
    e = 0  # the power of ten of m's last digit (less the exponent)
    t = 0  # the exponent
    p = 0  # 0 integer digits, 1 fraction digits, 2 the exponent's sign, 3 its digits
    n = 0  # digits of the mantissa
    d = False  # the byte before is a digit (a '_' may follow)
    minus = False
    i = 0
    while i < len(s):
        c = s[i]
        i += 1
        if "0" <= c <= "9":
            if p < 2:
                if m or c != "0":
                    m += c
                e -= p
                n += 1
            else:
                p = 3
                if t < 10000:
                    t = t * 10 + ord(c) - 48
            d = True
            continue
        if c == "_" and d and "0" <= _sub(s, i, i + 1) <= "9":
            d = False
            continue
        d = False
        if c == "." and p == 0:
            p = 1
        elif c in ("e", "E") and p < 2 and n:
            p = 2
        elif c in ("+", "-") and p == 2 and s[i - 2] in ("e", "E"):
            minus = c == "-"
        else:
            p = 2
            break
    if p == 2 or not n:
        raise ValueError(f"could not convert string to float: {x!r}")
    if not m:
        return sign * 0.0
    if minus:
        t = -t
    k = len(m)
    if k > 40:
        # Digits 1..39 and a last one that is not 0 when any digit after 39 is not: the same f32.
        tail = "0"
        for c in _sub(m, 39, len(m)):
            if c != "0":
                tail = "1"
        m = _sub(m, 0, 39) + tail
        e += k - 40
    return sign * float(f"{m}e{e + t}")


def _power(x, y):
    # x ** y of two numbers (the VM hands every such ** over): ints exact (OverflowError beyond
    # 32 bits), else floats by repeated squaring for a whole y in (-2**31, 2**31), exact whenever
    # the result is; a fractional power is not done yet (NotImplementedError).
    e = y
    r = 1
    neg = False
    if not (isinstance(x, int) and isinstance(y, int) and y >= 0):
        r = 1.0
        if x == 0 and y < 0:
            raise ZeroDivisionError("0.0 cannot be raised to a negative power")
        if not (-2147483648.0 < y < 2147483648.0 and y == int(y)):
            if x == x and y == y:
                raise NotImplementedError
            return x + y  # a nan
        x = x * 1.0
        e = int(y)
        if e < 0:
            e = -e
        neg = x < 0 and e & 1
    while e:
        if e & 1:
            r *= x
        e >>= 1
        if e:
            x *= x
    if y < 0:
        if r == 0:
            # underflow: 1 / r is an inf of r's sign
            r = 1e999
            if neg:
                r = -r
            return r
        return 1.0 / r
    return r
