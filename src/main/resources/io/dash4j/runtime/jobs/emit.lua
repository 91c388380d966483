-- emit: KEYS job, ev; ARGV id, token, progressJson or '', n, setProps 1..n -> the update count, or -1 when fenced
local h = redis.call('HMGET', KEYS[1], 'st', 'tok', 'seq')
if h[1] ~= 'running' or h[2] ~= ARGV[2] then return -1 end
-- with neither progress nor updates the count stays as it is (as the embedded store)
local seq = tonumber(h[3])
if ARGV[3] ~= '' then
  seq = seq + 1
  redis.call('HSET', KEYS[1], 'prog', ARGV[3], 'pseq', seq)
end
local n = tonumber(ARGV[4])
for i = 5, 4 + n do
  redis.call('RPUSH', KEYS[2], ARGV[i])
end
seq = seq + n
redis.call('HSET', KEYS[1], 'seq', seq)
if n > 0 then
  -- the updates live exactly as long as their record
  local ttl = redis.call('PTTL', KEYS[1])
  if ttl > 0 then redis.call('PEXPIRE', KEYS[2], ttl) end
end
return seq
