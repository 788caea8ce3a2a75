x = 0.0
for i in range(1000):
    x = x * 1.0001 + 0.5
print(x)
