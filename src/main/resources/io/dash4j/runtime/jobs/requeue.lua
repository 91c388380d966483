-- requeueExpired: KEYS leases, ready; ARGV prefix, max, wakeChannel -> how many expired leases were removed
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now(), 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(ids) do
  redis.call('ZREM', KEYS[1], id)
  local job = ARGV[1] .. 'job:' .. id
  if redis.call('HGET', job, 'st') == 'running' then
    redis.call('HSET', job, 'st', 'queued')
    redis.call('HDEL', job, 'tok')
    -- RPUSH: the front of the queue, claimed next
    redis.call('RPUSH', KEYS[2], id)
  end
end
if #ids > 0 then redis.call('PUBLISH', ARGV[3], '') end
return #ids
