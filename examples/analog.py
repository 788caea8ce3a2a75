# Print the voltage on A0 (a potentiometer's middle pin, say) twice a second.
from machine import ADC
import time

adc = ADC('A0')
while True:
    raw = adc.read_u16() >> 6  # back to the 10 bits the Uno's ADC measures
    print('A0:', raw, '=', raw * 5000 // 1023, 'mV')
    time.sleep_ms(500)
