-- Benchmark: Lua twin of fib.py, the same recursion and the same output.

local function fib(n)
  if n < 2 then
    return n
  end
  return fib(n - 1) + fib(n - 2)
end

print(fib(32))
