# lang: a loop whose only way back is a conditional jump (`continue` under an `if`) still lets
# other threads run: every backward branch checks for a thread switch
import threading
import time

spinning = True
x = 0


def spin():
    count = 0
    while spinning:
        count += 1
        if x:
            continue


worker = threading.Thread(target=spin)
worker.start()
time.sleep(0.05)
print("the main thread ran again")
spinning = False
worker.join()
print("the spinner stopped")
