# Call-site unpacking errors name the callable as CPython does (module.qualname(), builtins bare).
def f(a=1): pass
class C: pass
for src in ['print(*1)','f(1,*2)','[*3]','f(*4, 5)', 'f(*None)', 'f(**[])', 'f(a=1, **{\'a\':2})', 'print(**{\'sep\':1}, **{\'sep\':2})','C(*1)','len(*1)', 'f(*(), a=3)', 'f(*[1])']:
  try: print(src, eval(src))
  except TypeError as e: print(src, e)
