-- Cycles over the paths in the file named by the first script argument (one a line), each
-- thread from its own starting point; extra headers come from wrk's -H options.
local threads = 0
local paths = {}
local position = 0

function setup(thread)
  thread:set("start", threads * 997)
  threads = threads + 1
end

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  position = (start or 0) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format(nil, paths[position])
end
