a = []
for i in range(50):
    a.append(i)
total = 0
for v in a:
    total += v
print(total)
