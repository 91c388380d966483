-- commitPush: KEYS job, ev; ARGV upTo -> 1, or 0 when that push is no longer in flight (a poll took over)
local h = redis.call('HMGET', KEYS[1], 'infl', 'infn', 'inflr', 'ack')
if h[1] ~= ARGV[1] then return 0 end
-- updates emitted during the push stay, after the ones it carried
redis.call('LTRIM', KEYS[2], tonumber(h[2]), -1)
if tonumber(ARGV[1]) > tonumber(h[4]) then redis.call('HSET', KEYS[1], 'ack', ARGV[1]) end
if h[3] == '1' then redis.call('HSET', KEYS[1], 'rd', '1') end
redis.call('HDEL', KEYS[1], 'infl', 'inflx', 'infn', 'inflr')
return 1
