-- Benchmark: Lua twin of count_loop.py, the same loop and the same output.

local function count(n)
  local total = 0
  for _ = 1, n do
    total = total + 1
  end
  return total
end

print(count(30000000))
