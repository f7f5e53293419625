-- wrk script for issue 14's HTTP load (bench/run.sh http): county users, each with their own bearer token, read their
-- inbox, report progress and complete tasks. The bench program writes the users to the file named by PF_LOAD_USERS
-- (a Lua chunk returning { hosts = { "127.0.0.1:port", ... }, users = { { token, progress = {ids}, complete = {ids} } } }).
-- wrk thread i talks to hosts[(i - 1) % #hosts + 1] and owns every user u with (u - 1) % threads == i - 1; each request
-- goes to the thread's next user in turn. Mix per user turn of 20: 14 inbox reads, 5 progress reports, 1 completion
-- (a progress report instead once the user's completion pool is used up). Statuses are counted per thread.
-- PF_LOAD_THINK_MS > 0: each connection waits a think time (uniform between half and one and a half times it) before its next
-- request, as people do; 0 is the closed loop (the next request the moment the last is answered), which measures capacity.

local data = dofile(os.getenv("PF_LOAD_USERS"))
local think = tonumber(os.getenv("PF_LOAD_THINK_MS") or "0")
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  local host = data.hosts[(counter - 1) % #data.hosts + 1]
  local name, port = host:match("([^:]+):(%d+)")
  thread.addr = wrk.lookup(name, port)[1]
  thread:set("id", counter)
  table.insert(threads, thread)
end

local mine = {}
local turn = 0
local next_progress = {}
local status = {}
local note = 0

function init(args)
  local count = #threads
  if count == 0 then count = tonumber(os.getenv("PF_LOAD_THREADS")) end
  for u, user in ipairs(data.users) do
    if (u - 1) % count == id - 1 then
      table.insert(mine, user)
      next_progress[#mine] = 1
    end
  end
  math.randomseed(id)
  c2xx, c409, cother = 0, 0, 0
  inbox, progress, complete = 0, 0, 0
end

if think > 0 then
  function delay()
    return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
  end
end

function request()
  turn = turn + 1
  local index = (turn - 1) % #mine + 1
  local user = mine[index]
  -- Each user starts the mix at its own place in it, so the writes are spread over the run rather than all users' at once.
  local round = (math.floor((turn - 1) / #mine) + index) % 20
  local headers = { ["Authorization"] = "Bearer " .. user.token, ["Content-Type"] = "application/json" }
  if round < 14 then
    inbox = inbox + 1
    return wrk.format("GET", "/api/tasks?take=20", headers)
  end
  if round == 19 and #user.complete > 0 then
    complete = complete + 1
    local task = table.remove(user.complete)
    return wrk.format("POST", "/api/tasks/" .. task .. "/complete", headers, '{"outcome":"Done","comment":"已落实"}')
  end
  progress = progress + 1
  note = note + 1
  local p = next_progress[index]
  next_progress[index] = p % #user.progress + 1
  return wrk.format("POST", "/api/tasks/" .. user.progress[p] .. "/progress", headers,
    '{"note":"已部署落实，第' .. note .. '次报送","percent":' .. (note % 100) .. '}')
end

function response(code, headers, body)
  if code >= 200 and code < 300 then c2xx = c2xx + 1
  elseif code == 409 then c409 = c409 + 1
  else cother = cother + 1 end
end

function done(summary, latency, requests)
  local t2, t409, tother, ti, tp, tc = 0, 0, 0, 0, 0, 0
  for _, thread in ipairs(threads) do
    t2 = t2 + thread:get("c2xx"); t409 = t409 + thread:get("c409"); tother = tother + thread:get("cother")
    ti = ti + thread:get("inbox"); tp = tp + thread:get("progress"); tc = tc + thread:get("complete")
  end
  local e = summary.errors
  io.write(string.format(
    "PFLOAD requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d ok=%d conflict=%d other=%d inbox=%d progress=%d complete=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    t2, t409, tother, ti, tp, tc, e.connect, e.read, e.write, e.timeout))
end
