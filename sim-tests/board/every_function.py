# Uses every function of machine, time and arduino; the pin log and the output must be the
# same on every engine (tools/engines/board.test.ts). Inputs: D2 reads 0 (a pressed button),
# A0 reads 512 (the engines' board options set them).
import machine
import time
import arduino
from machine import Pin, ADC, PWM

led = Pin(13, Pin.OUT)
led.on()
time.sleep_ms(10)
led.off()
time.sleep_us(1500)
led.value(1)
time.sleep(1)
led(0)
time.sleep(0.25)
led.toggle()
print('led', led.value(), led())
led.toggle()

button = Pin(2, Pin.IN, Pin.PULL_UP)
print('button', button.value())
spare = Pin('A1', mode=Pin.IN, pull=Pin.PULL_UP)
print('spare', spare.value())
quiet = machine.Pin(7, Pin.IN)
print('quiet', quiet())

adc = ADC(Pin('A0'))
print('adc', adc.read_u16(), ADC(14).read_u16(), ADC(1).read_u16())

pwm = PWM(Pin(9), freq=1000, duty_u16=32768)
print('pwm', pwm.freq(), pwm.duty_u16())
pwm.duty_u16(16384)
pwm.freq(500)
time.sleep_ms(5)
print('pwm', pwm.duty_u16(), PWM(5).freq())
pwm.duty_u16(0)
time.sleep_ms(5)

t0 = time.ticks_ms()
u0 = time.ticks_us()
time.sleep_ms(20)
d_ms = time.ticks_diff(time.ticks_ms(), t0)
d_us = time.ticks_diff(time.ticks_us(), u0)
print('ticks', d_ms >= 20, d_ms < 30, d_us >= 20000, d_us < 30000)
print('wrap', time.ticks_add(1073741823, 1), time.ticks_diff(0, 1073741823), time.ticks_diff(5, 10))

arduino.pinMode(8, arduino.OUTPUT)
arduino.digitalWrite(8, arduino.HIGH)
arduino.delay(3)
arduino.digitalWrite(8, arduino.LOW)
arduino.pinMode(4, arduino.INPUT_PULLUP)
arduino.pinMode(4, arduino.INPUT)
print('read', arduino.digitalRead(2), arduino.digitalRead(8), arduino.analogRead(0), arduino.analogRead(14))
arduino.analogWrite(10, 200)
arduino.delay(2)
arduino.analogWrite(10, 255)
arduino.analogWrite(12, 100)
arduino.analogWrite(12, 130)
m0 = arduino.millis()
us0 = arduino.micros()
arduino.delay(7)
dm = arduino.millis() - m0
du = arduino.micros() - us0
print('clock', dm >= 7, dm < 15, du >= 7000, du < 15000, arduino.HIGH, arduino.LOW)

for bad in (20, -1, 'A6', 'B1'):
    try:
        Pin(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    PWM(Pin(13))
except ValueError as e:
    print('ValueError', e)
try:
    ADC(Pin(13))
except ValueError as e:
    print('ValueError', e)
try:
    time.ticks_foo()
except AttributeError:
    print('AttributeError')
print('done')
