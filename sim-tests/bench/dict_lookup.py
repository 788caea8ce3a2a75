d = {}
for k in range(30):
    d[k] = k * 3
checksum = 0
for i in range(500):
    checksum += d[i % 30]
print(checksum)
