# lang: subscripts and slices with steps on lists, tuples and strings, including negatives
nums = list(range(10))
print(nums[2], nums[-1], nums[-10])
print(nums[2:5], nums[:3], nums[7:], nums[:], nums[-3:])
print(nums[::2], nums[1::2], nums[::-1], nums[::-3])
print(nums[8:2:-2], nums[2:8:-1], nums[-2:-8:-2])
print(nums[100:], nums[-100:2], nums[5:100], nums[3:3])
print(nums[1:9:3], nums[9:0:-4], nums[None:None:None][:2])
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-1], t[::2], t[-2:], type(t[1:3]).__name__)
s = "abcdefghij"
print(s[0], s[-1], s[2:5], s[::-1], s[::3], s[-3::-2])
print(s[5:2], repr(s[5:2]), s[:-7], s[-100:100])
print("racecar"[::-1] == "racecar", "hello"[1:-1])
i, j = 1, 4
print(s[i:j], s[i:j:2], s[j:i:-1])
print(nums[slice(2, 6)], nums[slice(None, None, -5)])
m = [[1, 2, 3], [4, 5, 6]]
print(m[1][2], m[-1][::-1], [row[1:] for row in m])
b = b"bytes!"
print(b[1:3], b[::-1], b[0])
print(range(10)[2:8:2], range(10)[::-1])
