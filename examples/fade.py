# Fade an LED on pin 9 (a PWM pin: 3 5 6 9 10 11) up and down, forever.
from machine import Pin, PWM
import time

pwm = PWM(Pin(9), freq=1000, duty_u16=0)
while True:
    for level in range(0, 256, 5):
        pwm.duty_u16(level * 257)
        time.sleep_ms(10)
    for level in range(255, -1, -5):
        pwm.duty_u16(level * 257)
        time.sleep_ms(10)
