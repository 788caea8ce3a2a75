"""Float32 arithmetic emulated in CPython, to derive the expected output of sVimPy programs
whose float results differ from CPython's float64 ones (no numpy: struct rounds to float32).

Run it to print the float32 result of ../float_loop.py and of each line of
../../fixtures/svimpy-only/float32.py, in that file's order.
"""
import math
import struct


def f32(v):
    """Round a Python float to the nearest float32 (overflow gives +-inf)."""
    try:
        return struct.unpack('<f', struct.pack('<f', v))[0]
    except OverflowError:
        return math.copysign(math.inf, v)


def f32_repr(v):
    """The shortest string that reads back to the same float32, written the way CPython
    writes floats (1.5, 16777216.0, 9.313226e-10, inf)."""
    if math.isinf(v) or math.isnan(v):
        return repr(v)
    for digits in range(1, 10):
        text = '%.*g' % (digits, v)
        if f32(float(text)) == v:
            return repr(float(text))
    raise AssertionError('no float32 repr within 9 digits for %r' % v)


def add(a, b):
    return f32(f32(a) + f32(b))


def sub(a, b):
    return f32(f32(a) - f32(b))


def mul(a, b):
    return f32(f32(a) * f32(b))


def div(a, b):
    return f32(f32(a) / f32(b))


def float_loop():
    """../float_loop.py: x = x*1.0001 + 0.5, 1000 times, from 0.0."""
    x = 0.0
    for _ in range(1000):
        x = add(mul(x, 1.0001), 0.5)
    return x


def svimpy_only_float32_lines():
    """../../fixtures/svimpy-only/float32.py, line by line."""
    return [
        f32_repr(div(1.0, 3.0)),
        f32_repr(add(0.1, 0.2)),
        f32_repr(mul(0.1, 3)),
        f32_repr(sub(1.0, 0.9)),
        f32_repr(mul(1.1, 1.1)),
        f32_repr(div(2.0, 3.0)),
        f32_repr(div(7, 3)),
        f32_repr(add(16777216.0, 1.0)),
        f32_repr(add(100000000.0, 1.0)),
        f32_repr(mul(1e38, 10.0)),
        f32_repr(mul(-f32(1e38), 10.0)),
        f32_repr(mul(3.4, 3)),
        ' '.join(f32_repr(f32(v)) for v in (0.1, 2.5, -0.75)),
    ]


if __name__ == '__main__':
    print('float_loop.py: %s (exactly %r)' % (f32_repr(float_loop()), float_loop()))
    print('svimpy-only/float32.py:')
    for line in svimpy_only_float32_lines():
        print(line)
