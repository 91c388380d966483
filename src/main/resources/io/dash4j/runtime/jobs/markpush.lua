-- markPush: KEYS job, ev; ARGV ackTimeoutMs
-- -> {page, cb, push, upTo, progress or nil, updates, outcome or nil, req or nil}, or nil: nothing to push
local h = redis.call('HMGET', KEYS[1], 'st', 'page', 'cb', 'push', 'seq', 'ack', 'pseq', 'infl', 'inflx', 'rd')
if not h[1] or not h[4] or h[4] == '' then return false end
local t = now()
-- one push at a time; one whose acknowledgement never came leaves the job poll-only
if h[8] then
  awaitingAck(KEYS[1], h[8], h[9], t)
  return false
end
local prog = false
if tonumber(h[7]) > tonumber(h[6]) then prog = redis.call('HGET', KEYS[1], 'prog') or false end
local ev = redis.call('LRANGE', KEYS[2], 0, -1)
local res = false
local req = false
if h[1] == 'done' and h[10] ~= '1' then
  res = redis.call('HGET', KEYS[1], 'res') or false
  req = redis.call('HGET', KEYS[1], 'req') or false
end
if not prog and #ev == 0 and not res then return false end
local inflr = '0'
if res then inflr = '1' end
redis.call('HSET', KEYS[1], 'infl', h[5], 'inflx', t + tonumber(ARGV[1]), 'infn', #ev, 'inflr', inflr)
return {h[2], h[3], h[4], h[5], prog, ev, res, req}
