-- abortPush: KEYS job; ARGV upTo -> 1, or 0 when that push is no longer in flight
if redis.call('HGET', KEYS[1], 'infl') ~= ARGV[1] then return 0 end
redis.call('HDEL', KEYS[1], 'infl', 'inflx', 'infn', 'inflr')
redis.call('HSET', KEYS[1], 'push', '')
return 1
