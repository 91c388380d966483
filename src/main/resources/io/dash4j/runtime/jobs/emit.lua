-- emit: KEYS job, ev; ARGV id, token, progressJson or '', n, notifyChannel, setProps 1..n
-- -> the update count, or -1 when fenced
local h = redis.call('HMGET', KEYS[1], 'st', 'tok', 'seq', 'push')
if h[1] ~= 'running' or h[2] ~= ARGV[2] then return -1 end
-- with neither progress nor updates the count stays as it is (as the embedded store)
local seq = tonumber(h[3])
if ARGV[3] ~= '' then
  seq = seq + 1
  redis.call('HSET', KEYS[1], 'prog', ARGV[3], 'pseq', seq)
end
local n = tonumber(ARGV[4])
for i = 6, 5 + n do
  redis.call('RPUSH', KEYS[2], ARGV[i])
end
seq = seq + n
redis.call('HSET', KEYS[1], 'seq', seq)
if n > 0 then
  -- the updates live exactly as long as their record
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
if h[4] and h[4] ~= '' then redis.call('PUBLISH', ARGV[5], ARGV[1] .. ' ' .. h[4]) end
return seq
