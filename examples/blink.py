# Blink the Uno's LED (pin 13) every 500 ms, forever.
from machine import Pin
import time

led = Pin(13, Pin.OUT)
while True:
    led.toggle()
    time.sleep_ms(500)
