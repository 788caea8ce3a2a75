import time
def square(v):
    return v * v
