-- complete: KEYS job, leases, ev, cache; ARGV id, token, state ('done'|'error'), outcome, resultTtl,
-- cacheTtl (-1 none, 0 no expiry), notifyChannel -> 1, or 0 when fenced
local h = redis.call('HMGET', KEYS[1], 'st', 'tok', 'push')
if h[1] ~= 'running' or h[2] ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], 'st', ARGV[3], 'res', ARGV[4])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
local cttl = tonumber(ARGV[6])
if ARGV[3] == 'done' and cttl > 0 then
  redis.call('SET', KEYS[4], ARGV[4], 'PX', cttl)
elseif ARGV[3] == 'done' and cttl == 0 then
  redis.call('SET', KEYS[4], ARGV[4])
end
-- errors are never pushed: they reach the dev tools through the poll
if ARGV[3] == 'done' and h[3] and h[3] ~= '' then redis.call('PUBLISH', ARGV[7], ARGV[1] .. ' ' .. h[3]) end
return 1
