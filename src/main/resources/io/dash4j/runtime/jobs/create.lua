-- create: KEYS job, ready; ARGV id, cb, page, ck, req, push, jobTtl, wakeChannel, outHash -> 1, or 0 if it exists
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local t = now()
redis.call('HSET', KEYS[1], 'cb', ARGV[2], 'page', ARGV[3], 'ck', ARGV[4], 'req', ARGV[5], 'push', ARGV[6],
  'out', ARGV[9], 'st', 'queued', 'att', 0, 'seq', 0, 'ack', 0, 'pseq', 0, 'created', t, 'polled', t)
redis.call('PEXPIRE', KEYS[1], ARGV[7])
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('PUBLISH', ARGV[8], '')
return 1
