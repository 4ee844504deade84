# modules: math domain and range errors, and type errors from bad arguments
import math
def show(thunk):
    try:
        print(thunk())
    except Exception as e:
        print(type(e).__name__ + ":", e)
show(lambda: math.sqrt(-1))
show(lambda: math.log(0))
show(lambda: math.log(-5))
show(lambda: math.log10(-1))
show(lambda: math.acos(2))
show(lambda: math.asin(-1.5))
show(lambda: math.exp(1000))
show(lambda: math.pow(10, 400))
show(lambda: math.pow(0, -1))
show(lambda: math.fmod(1, 0))
show(lambda: math.sqrt("4"))
show(lambda: math.sqrt(None))
show(lambda: math.sqrt(10 ** 400))
show(lambda: math.log(10 ** 400))
show(lambda: math.sqrt(math.inf))
show(lambda: math.sin(math.inf))
show(lambda: math.gamma(0))
show(lambda: math.sqrt())
