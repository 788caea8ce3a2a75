# The hardware modules machine, time and arduino (docs/modules.md) as far as they need no
# machine code. The VM keeps class Pin and the constants, a Pin object's call (p() reads it,
# p(v) drives it with v's truth), p.toggle() (so BLINK's loop makes one library call, time.sleep_ms), and the
# board primitive _hw(pin, [value,] op) that this file calls (vm-spec/builtins-module.ts): op
# 0 the pin of an int 0..19 or an object (255: none), 1 2 3 the Pin, ADC or PWM object of a
# pin, 4 pinMode, 5 the 10-bit analog reading, 6 PWM duty 0..255, 7 the duty last set by 8
# (which also writes), 9 and 10 wait value ms or us (negative: no wait), 12 and 13 the ms and
# us clocks (they wrap at 2^30; the pin of 9..13 does not matter).
# machine__X is machine.X, time__X time.X, arduino__X arduino.X; Pin__X, ADC__X and PWM__X
# are methods of Pin, ADC and PWM objects; Pin (kind PIN) is what class Pin hands its calls
# over to.


def _pin(id):
    # The pin 0..19 of a pin argument: 0..19, 'A0'..'A5' or a Pin, ADC or PWM object; 255: none.
    p = _hw(id, 0)
    if p > 19 and id in ("A0", "A1", "A2", "A3", "A4", "A5"):  # (isinstance() takes no Pin)
        p = ord(id[1]) - 34  # 'A0' is 14
    return p


def _digital(id):
    p = _pin(id)
    if p > 19:
        raise ValueError("invalid pin (0..19 or 'A0'..'A5')")
    return p


def _analog(id):
    # 0..5 name A0..A5, as in Arduino
    p = _pin(id)
    if p < 6:
        p += 14
    if p < 14 or p > 19:
        raise ValueError("pin has no ADC (A0..A5)")
    return p


def Pin(id, mode=-1, pull=-1):
    # Pin(id, mode=-1, pull=-1): -1 or None leave the pin as it is (IN 0, OUT 1, PULL_UP 2);
    # an output has no pull-up.
    p = _digital(id)
    m = -1
    if mode is not None and mode != -1:
        if mode != 0 and mode != 1:
            raise ValueError("invalid mode")
        m = mode
    if pull is not None and pull != -1:
        if pull != 2:
            raise ValueError("invalid mode")
        if m != 1:
            m = 2
    if m >= 0:
        _hw(p, m, 4)
    return _hw(p, 1)


def Pin__value(self, v="\0-"):
    # p.value() is p(), p.value(v) p(v)
    if v == "\0-":
        return self()
    self(v)


def Pin__on(self):
    self(1)


def Pin__off(self):
    self(0)


def machine__ADC(pin):
    return _hw(_analog(pin), 2)


def ADC__read_u16(self):
    # the 10-bit reading scaled to 16 bits as MicroPython does
    r = _hw(self, 5)
    return r << 6 | r >> 4


def machine__PWM(pin, freq=0, duty_u16=None):
    # The frequency is the Uno's fixed one (freq() tells it).
    freq | 0  # an int (TypeError otherwise)
    p = _pin(pin)
    if p not in (3, 5, 6, 9, 10, 11):
        raise ValueError("pin has no PWM (3 5 6 9 10 11)")
    p = _hw(p, 3)
    if duty_u16 is not None:
        p.duty_u16(duty_u16)
    return p


def PWM__duty_u16(self, d=None):
    if d is None:
        return _hw(self, 7) * 257
    if d < 0 or d > 65535:
        raise ValueError("duty out of range")
    _hw(self, d >> 8, 8)


def PWM__freq(self, f=None):
    # Timer0's fast PWM on pins 5 and 6, Timers 1 and 2 phase-correct: freq(f) is ignored.
    if f is None:
        if _hw(self, 0) in (5, 6):
            return 976
        return 490


def time__sleep(s):
    # An int or a float of seconds, a float to the nearest microsecond of its value.
    if isinstance(s, float):
        us = 0.0
        if s > 0.0:
            us = s * 1000000.0 + 0.5
        while us > 2e9:  # int() holds 31 bits
            _hw(0, 2000000, 9)
            us -= 2e9
        _hw(0, int(us), 10)
    else:
        _hw(0, (s | 0) * 1000, 9)  # an int (TypeError otherwise)


def time__sleep_ms(ms):
    _hw(0, ms, 9)


def time__sleep_us(us):
    _hw(0, us, 10)


def time__ticks_ms():
    return _hw(0, 12)


def time__ticks_us():
    return _hw(0, 13)


def time__ticks_diff(a, b):
    # the difference as a signed 30-bit number (ticks wrap at 2^30)
    return (a - b + 0x20000000 & 0x3FFFFFFF) - 0x20000000


def time__ticks_add(t, d):
    return (t + d) & 0x3FFFFFFF


def arduino__pinMode(pin, mode):
    p = _digital(pin)
    if mode < 0 or mode > 2:
        raise ValueError("invalid mode")
    _hw(p, mode, 4)


def arduino__digitalWrite(pin, value):
    _hw(_digital(pin), 1)(value)


def arduino__digitalRead(pin):
    return _hw(_digital(pin), 1)()


def arduino__analogRead(pin):
    return _hw(_analog(pin), 5)


def arduino__analogWrite(pin, value):
    p = _digital(pin)
    if value < 0:
        value = 0
    if value > 255:
        value = 255
    _hw(p, value, 6)


def arduino__delay(ms):
    _hw(0, ms, 9)


def arduino__millis():
    return _hw(0, 12)


def arduino__micros():
    return _hw(0, 13)
