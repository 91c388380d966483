-- complete: KEYS job, leases, ev, cache; ARGV id, token, state ('done'|'error'), outcome, resultTtl,
-- cacheTtl (-1 none, 0 no expiry) -> 1, or 0 when fenced
local h = redis.call('HMGET', KEYS[1], 'st', 'tok')
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
return 1
