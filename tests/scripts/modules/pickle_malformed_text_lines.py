# Protocol-0 lines that are not UTF-8 (a fuzzer's find: int parsing made a str of the raw bytes,
# whose repr then read past its end): every one fails cleanly with a ValueError (CPython raises
# UnicodeDecodeError, a ValueError, for some of them; chaipy for fewer: only the family is shown
# there).
import pickle

lines = [
    (b"F\xff\xfe\n.", True),        # float: the message shows U+FFFD for the bad bytes
    (b"I\xff\xfe\n.", True),        # int
    (b"I1\xff\n.", True),
    (b"F1.5\xff\n.", True),
    (b"L\xff\xfe\n.", False),       # long: the line is decoded first
    (b"(dp\xff\xff\n.", False),     # a memo index
    (b"(dp\xc3\n.", False),
    (b"(dp" + b"\xff" * 33 + b"__imul__" + b"\xff" * 5 + b" \x00" + b"\x97" * 53 + b"\x00\x00\xff\n.", False),
]
for data, show_message in lines:
    try:
        print(pickle.loads(data))
    except ValueError as error:
        print("ValueError:", str(error) if show_message else "(message not compared)")
