-- wrk script: each request files a dispatch request for a draft of its own
-- (draft-bench-nN, N = offset + 2 * count + thread), so that no two collide
-- with the duplicate rule; counts 201 against anything else.
-- wrk ... -s write.lua URL -- OFFSET TOKEN
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  offset = tonumber(args[1])
  token = args[2]
  count = 0
  created = 0
  other = 0
  first_other = ""
end

function request()
  count = count + 1
  local n = offset + 2 * count + tid
  local body = '{"draft": "draft-bench-n' .. n .. '", "rev": "00", "presenter": "ada@example.org", ' ..
               '"question": "Where should this go?", "areas": ["art"]}'
  return wrk.format("POST", nil, {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    other = other + 1
    if first_other == "" then first_other = status .. " " .. string.sub(body, 1, 200) end
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    o = o + t:get("other")
    if t:get("first_other") ~= "" then io.stderr:write("first other answer: " .. t:get("first_other") .. "\n") end
  end
  io.write(string.format("WRITES %d %d %.2f\n", c, o, latency:percentile(99) / 1000))
end
