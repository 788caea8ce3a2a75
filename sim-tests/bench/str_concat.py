s = ""
for i in range(100):
    s += "x"
print(len(s))
