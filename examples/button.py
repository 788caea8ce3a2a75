# A button between pin 2 and GND (no resistor: the pull-up holds the pin high until the button
# is pressed). The LED on pin 13 follows it; each press is counted.
from machine import Pin
import time

button = Pin(2, Pin.IN, Pin.PULL_UP)
led = Pin(13, Pin.OUT)
presses = 0
was_pressed = False
while True:
    pressed = button.value() == 0
    led.value(pressed)
    if pressed and not was_pressed:
        presses += 1
        print('pressed', presses)
    was_pressed = pressed
    time.sleep_ms(20)  # also debounces
