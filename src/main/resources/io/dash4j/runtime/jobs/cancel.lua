-- cancel: KEYS job, ready, leases, ev; ARGV id, page, callbacksJson, outHash or '', cancelChannel, resultTtl
-- -> 1 cancelled, 0 nothing to do, -1 foreign, -2 other outputs
local h = redis.call('HMGET', KEYS[1], 'st', 'page', 'cb', 'out')
if not h[1] then return 0 end
-- our own JSON array of callback keys: the only JSON decoded in Lua
local allowed = false
for _, cb in ipairs(cjson.decode(ARGV[3])) do
  if cb == h[3] then allowed = true end
end
if h[2] ~= ARGV[2] or not allowed then return -1 end
if ARGV[4] ~= '' and h[4] ~= ARGV[4] then return -2 end
if h[1] == 'queued' then
  redis.call('LREM', KEYS[2], 0, ARGV[1])
elseif h[1] == 'running' then
  redis.call('ZREM', KEYS[3], ARGV[1])
else
  return 0
end
-- removing the token fences the run at once
redis.call('HSET', KEYS[1], 'st', 'cancelled')
redis.call('HDEL', KEYS[1], 'tok')
redis.call('PEXPIRE', KEYS[1], ARGV[6])
redis.call('PEXPIRE', KEYS[4], ARGV[6])
-- told after the writes, as the embedded store, so a holder that hears it finds the job cancelled
if h[1] == 'running' then redis.call('PUBLISH', ARGV[5], ARGV[1]) end
return 1
