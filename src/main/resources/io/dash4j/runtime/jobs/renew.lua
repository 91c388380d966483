-- renew: KEYS job, leases; ARGV id, token, leaseMs -> 1, or 0: the holder must stop (cancelled, requeued, gone)
local h = redis.call('HMGET', KEYS[1], 'st', 'tok')
if h[1] ~= 'running' or h[2] ~= ARGV[2] then return 0 end
redis.call('ZADD', KEYS[2], now() + tonumber(ARGV[3]), ARGV[1])
return 1
