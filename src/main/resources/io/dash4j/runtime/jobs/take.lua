-- take (a poll): KEYS job, ev; ARGV page, cb
-- -> {state, progress or nil, updates, outcome or nil, resultPushed}, {'foreign'} (nothing touched),
-- {'pushing', state} (a push awaits its ack: nothing delivered now), or nil when gone
local h = redis.call('HMGET', KEYS[1], 'st', 'page', 'cb', 'seq', 'ack', 'pseq', 'infl', 'inflx', 'rd')
if not h[1] then return false end
if h[2] ~= ARGV[1] or h[3] ~= ARGV[2] then return {'foreign'} end
local t = now()
-- a push whose acknowledgement never came is forgotten: this poll delivers, and polls alone from now on
if awaitingAck(KEYS[1], h[7], h[8], t) then return {'pushing', h[1]} end
local prog = false
if tonumber(h[6]) > tonumber(h[5]) then prog = redis.call('HGET', KEYS[1], 'prog') or false end
local ev = redis.call('LRANGE', KEYS[2], 0, -1)
redis.call('DEL', KEYS[2])
redis.call('HSET', KEYS[1], 'polled', t, 'ack', h[4])
local res = false
if h[1] ~= 'queued' and h[1] ~= 'running' then res = redis.call('HGET', KEYS[1], 'res') or false end
return {h[1], prog, ev, res, h[9] or '0'}
