-- claim: KEYS ready, leases; ARGV prefix, workerId, leaseMs, maxAttempts, diedOutcome
-- -> {id, token, cb, req, ck, attempt}, or nil when nothing is claimable
while true do
  local id = redis.call('RPOP', KEYS[1])
  if not id then return false end
  local job = ARGV[1] .. 'job:' .. id
  -- cancelled and expired entries are dropped
  if redis.call('HGET', job, 'st') == 'queued' then
    local att = redis.call('HINCRBY', job, 'att', 1)
    if att > tonumber(ARGV[4]) then
      redis.call('HSET', job, 'st', 'error', 'res', ARGV[5])
    else
      local tok = att .. ':' .. ARGV[2]
      redis.call('HSET', job, 'st', 'running', 'tok', tok)
      redis.call('ZADD', KEYS[2], now() + tonumber(ARGV[3]), id)
      local h = redis.call('HMGET', job, 'cb', 'req', 'ck')
      return {id, tok, h[1], h[2], h[3], att}
    end
  end
end
