/**
 * The Lua scripts behind RedisStore's atomic steps (docs/architecture.md#shared-sandbox). Redis runs
 * a script whole, with no other command in between, so each check-then-write here holds across every
 * instance sharing the server. ARGV[1] is always the key prefix; the scripts name the keys they touch
 * from it, so the store runs on one Redis server (not a cluster, whose slots need every key passed in
 * KEYS).
 */

/** Helpers every script may call: an order's keys, their expiry, forgetting an order, scheduling a job. */
const PRELUDE = `
local P = ARGV[1]

local function order_keys(okey)
  local h = redis.call('HMGET', okey, 'cs', 'sec')
  local keys = { okey, okey .. ':tokens', okey .. ':wh', okey .. ':whs' }
  if h[1] and h[1] ~= '' then table.insert(keys, h[1]) end
  if h[2] and h[2] ~= '' then table.insert(keys, h[2]) end
  for _, tok in ipairs(redis.call('SMEMBERS', okey .. ':tokens')) do table.insert(keys, tok) end
  return keys
end

-- The expiry backstop: every key of the order expires after ttl ms, or never when ttl is not positive
-- or a subscription needs the order.
local function expire_order(id, ttl)
  local okey = P .. 'order:' .. id
  if redis.call('SISMEMBER', P .. 'needed', id) == 1 then ttl = 0 end
  for _, key in ipairs(order_keys(okey)) do
    if ttl > 0 then redis.call('PEXPIRE', key, ttl) else redis.call('PERSIST', key) end
  end
end

-- Forgets an order with its indexes, tokens and webhook records. With rev, only while the order is
-- still at that revision; with guard, never one a subscription needs. Answers 1 when the order is
-- gone from the indexes (forgotten now, or its keys had expired), 0 when it stays.
local function forget(id, rev, guard)
  local okey = P .. 'order:' .. id
  local h = redis.call('HMGET', okey, 'rev', 'mkey', 'mo')
  if h[1] then
    if rev ~= '' and h[1] ~= rev then return 0 end
    if guard and redis.call('SISMEMBER', P .. 'needed', id) == 1 then return 0 end
    if redis.call('HGET', h[2], h[3]) == id then redis.call('HDEL', h[2], h[3]) end
    redis.call('DEL', unpack(order_keys(okey)))
  end
  redis.call('ZREM', P .. 'changed', id)
  redis.call('ZREM', P .. 'created', id)
  redis.call('ZREM', P .. 'held', id)
  return 1
end

-- After a write: records whether the order holds a live mandate ('1' or '0'). One that must stay
-- (that, or needed by a subscription) leaves the sweep's index; one that may go is indexed by when
-- it last changed, and if the cap had held it aside, it goes back to its place among the oldest.
local function index_written(id, live, changed_at)
  redis.call('HSET', P .. 'order:' .. id, 'live', live)
  if live == '1' or redis.call('SISMEMBER', P .. 'needed', id) == 1 then
    redis.call('ZREM', P .. 'changed', id)
    return
  end
  redis.call('ZADD', P .. 'changed', changed_at, id)
  local place = redis.call('ZSCORE', P .. 'held', id)
  if place then
    redis.call('ZADD', P .. 'created', place, id)
    redis.call('ZREM', P .. 'held', id)
  end
end

-- A subscription needs the order from now on: the sweep need not look at it again.
local function needed(id)
  redis.call('SADD', P .. 'needed', id)
  redis.call('ZREM', P .. 'changed', id)
  expire_order(id, 0)
end

-- How far a merchant's clock runs ahead of real time (ms), from the merchant's key base (P .. 'm:<m>:').
local function clock_offset(mbase)
  if not mbase then return 0 end
  return tonumber(redis.call('GET', mbase .. 'clock') or '0')
end

-- A job is kept at its sandbox due time in the merchant's due set, and in P .. 'jobs' at when that
-- comes in real time: due less the merchant's clock offset (moved with the clock by ADVANCE_CLOCK).
local function put_job(id, due, mbase)
  redis.call('ZADD', P .. 'jobs', tonumber(due) - clock_offset(mbase), id)
  if mbase then redis.call('ZADD', mbase .. 'due', due, id) end
end

local function drop_job(id, mjobs, mbase)
  redis.call('DEL', P .. 'job:' .. id)
  redis.call('ZREM', P .. 'jobs', id)
  if mjobs then redis.call('SREM', mjobs, id) end
  if mbase then redis.call('ZREM', mbase .. 'due', id) end
end

local function schedule_job(id, merchant, due, kind, payload, mbase)
  local jkey = P .. 'job:' .. id
  local mjobs = mbase .. 'jobs'
  redis.call('HSET', jkey, 'id', id, 'm', merchant, 'due', due, 'kind', kind, 'payload', payload, 'lease', '', 'mjobs', mjobs, 'mbase', mbase)
  put_job(id, due, mbase)
  redis.call('SADD', mjobs, id)
end
`

const script = (body: string): string => PRELUDE + body

/** ARGV: P, id, mkey, mo, json, rev, changedAt, csKey, secKey, ttl, live ('1' or '0'). Answers {1, orders held} or {0, existing json}. */
export const INSERT_ORDER = script(`
local id, mkey, mo = ARGV[2], ARGV[3], ARGV[4]
local existing = redis.call('HGET', mkey, mo)
if existing then
  local json = redis.call('HGET', P .. 'order:' .. existing, 'json')
  if json then return { 0, json } end
end
local okey = P .. 'order:' .. id
redis.call('HSET', okey, 'json', ARGV[5], 'rev', ARGV[6], 'mkey', mkey, 'mo', mo, 'cs', ARGV[8], 'sec', ARGV[9])
redis.call('HSET', mkey, mo, id)
if ARGV[8] ~= '' then redis.call('SET', ARGV[8], id) end
if ARGV[9] ~= '' then redis.call('SET', ARGV[9], id) end
redis.call('ZADD', P .. 'created', redis.call('INCR', P .. 'seq'), id)
index_written(id, ARGV[11], ARGV[7])
expire_order(id, tonumber(ARGV[10]))
return { 1, redis.call('ZCARD', P .. 'created') + redis.call('ZCARD', P .. 'held') }
`)

/**
 * ARGV: P, id, rev read, json at rev + 1, changedAt, ttl, live ('1' or '0'), then per job: id,
 * merchant, due, kind, payload, merchant key base. Answers 1 written, 0 another write got there
 * first, -1 unknown order.
 */
export const UPDATE_ORDER = script(`
local id = ARGV[2]
local okey = P .. 'order:' .. id
local rev = redis.call('HGET', okey, 'rev')
if not rev then return -1 end
if rev ~= ARGV[3] then return 0 end
redis.call('HSET', okey, 'json', ARGV[4], 'rev', tostring(tonumber(rev) + 1))
index_written(id, ARGV[7], ARGV[5])
expire_order(id, tonumber(ARGV[6]))
for i = 8, #ARGV, 6 do
  schedule_job(ARGV[i], ARGV[i + 1], ARGV[i + 2], ARGV[i + 3], ARGV[i + 4], ARGV[i + 5])
end
return 1
`)

/** ARGV: P, 'get' or 'hget', index key, field. Answers the order's json through the index, or nil. */
export const ORDER_VIA = script(`
local id
if ARGV[2] == 'get' then id = redis.call('GET', ARGV[3]) else id = redis.call('HGET', ARGV[3], ARGV[4]) end
if not id then return nil end
return redis.call('HGET', P .. 'order:' .. id, 'json')
`)

/** ARGV: P, token key, id. Indexes a token of an order the store holds, expiring with it. */
export const INDEX_TOKEN = script(`
local okey = P .. 'order:' .. ARGV[3]
if redis.call('EXISTS', okey) == 0 then return 0 end
redis.call('SET', ARGV[2], ARGV[3])
redis.call('SADD', okey .. ':tokens', ARGV[2])
expire_order(ARGV[3], redis.call('PTTL', okey))
return 1
`)

/**
 * ARGV: P, mandate key, payer key ('' for none), id. Indexes a registered mandate of an order the
 * store holds: the mandate key expires and goes with the order, as a token does; the payer's sorted
 * set (by the order of indexing) drops orders already forgotten whenever it is written or read.
 */
export const INDEX_MANDATE = script(`
local okey = P .. 'order:' .. ARGV[4]
if redis.call('EXISTS', okey) == 0 then return 0 end
redis.call('SET', ARGV[2], ARGV[4])
redis.call('SADD', okey .. ':tokens', ARGV[2])
if ARGV[3] ~= '' then
  for _, member in ipairs(redis.call('ZRANGE', ARGV[3], 0, -1)) do
    if redis.call('EXISTS', P .. 'order:' .. member) == 0 then redis.call('ZREM', ARGV[3], member) end
  end
  if not redis.call('ZSCORE', ARGV[3], ARGV[4]) then redis.call('ZADD', ARGV[3], redis.call('INCR', P .. 'seq'), ARGV[4]) end
end
expire_order(ARGV[4], redis.call('PTTL', okey))
return 1
`)

/** ARGV: P, payer key. Answers the json of the payer's orders still held, in the order indexed, dropping the others. */
export const ORDERS_OF_PAYER = script(`
local out = {}
for _, member in ipairs(redis.call('ZRANGE', ARGV[2], 0, -1)) do
  local json = redis.call('HGET', P .. 'order:' .. member, 'json')
  if json then table.insert(out, json) else redis.call('ZREM', ARGV[2], member) end
end
return out
`)

/** ARGV: P, mkey, mo, delivery id, json. Saves a webhook record of an order the store holds. */
export const SAVE_WEBHOOK = script(`
local id = redis.call('HGET', ARGV[2], ARGV[3])
if not id then return 0 end
local okey = P .. 'order:' .. id
if redis.call('EXISTS', okey) == 0 then return 0 end
if redis.call('HSET', okey .. ':wh', ARGV[4], ARGV[5]) == 1 then redis.call('RPUSH', okey .. ':whs', ARGV[4]) end
expire_order(id, redis.call('PTTL', okey))
return 1
`)

/** ARGV: P, mkey, mo. Answers the order's webhook records' json in creation order. */
export const WEBHOOKS_FOR = script(`
local id = redis.call('HGET', ARGV[2], ARGV[3])
if not id then return {} end
local okey = P .. 'order:' .. id
local ids = redis.call('LRANGE', okey .. ':whs', 0, -1)
if #ids == 0 then return {} end
return redis.call('HMGET', okey .. ':wh', unpack(ids))
`)

/** ARGV: P, plans key, plan ids key, merchant keys set, plan_id, json. Answers {1} or {0, existing json}. */
export const INSERT_PLAN = script(`
if redis.call('HSETNX', ARGV[2], ARGV[5], ARGV[6]) == 0 then return { 0, redis.call('HGET', ARGV[2], ARGV[5]) } end
redis.call('RPUSH', ARGV[3], ARGV[5])
redis.call('SADD', ARGV[4], ARGV[2], ARGV[3])
return { 1 }
`)

/** ARGV: P, plans key, plan ids key. Answers the plans' json in the order added. */
export const PLANS_OF = script(`
local ids = redis.call('LRANGE', ARGV[3], 0, -1)
if #ids == 0 then return {} end
return redis.call('HMGET', ARGV[2], unpack(ids))
`)

/**
 * ARGV: P, subscription key, page key, customer list key ('' for none), merchant subscriptions set, merchant,
 * page id, mandate page id, json. Answers {1} or {0, existing json}.
 */
export const INSERT_SUBSCRIPTION = script(`
local skey, pkey = ARGV[2], ARGV[3]
local existing = redis.call('GET', pkey)
if existing then
  local json = redis.call('HGET', existing, 'json')
  if json then return { 0, json } end
end
redis.call('HSET', skey, 'json', ARGV[9], 'm', ARGV[6], 'page', ARGV[7], 'mandate', ARGV[8], 'pkey', pkey, 'ckey', ARGV[4])
redis.call('SET', pkey, skey)
if ARGV[4] ~= '' then redis.call('RPUSH', ARGV[4], skey) end
redis.call('SADD', ARGV[5], skey)
needed(ARGV[7])
needed(ARGV[8])
return { 1 }
`)

/**
 * ARGV: P, subscription key, mandate page id, json. Answers 0 for an unknown subscription. The
 * order a changed mandate debits through is needed from then on; the one before stays needed until
 * the merchant's reset (kept a little longer, never forgotten too soon).
 */
export const UPDATE_SUBSCRIPTION = script(`
if redis.call('EXISTS', ARGV[2]) == 0 then return 0 end
redis.call('HSET', ARGV[2], 'json', ARGV[4], 'mandate', ARGV[3])
needed(ARGV[3])
return 1
`)

/** ARGV: P, customer list key. Answers the subscriptions' json, oldest first. */
export const SUBSCRIPTIONS_OF = script(`
local out = {}
for _, skey in ipairs(redis.call('LRANGE', ARGV[2], 0, -1)) do
  local json = redis.call('HGET', skey, 'json')
  if json then table.insert(out, json) end
end
return out
`)

/**
 * ARGV: P, preview key, merchant keys set, json, consumed by (json or ''), its order id lower-cased, applied at,
 * expires at (ms), ttl. Answers {1} or {0, json, by, applied at}.
 */
export const INSERT_PREVIEW = script(`
local k = ARGV[2]
if redis.call('EXISTS', k) == 1 then
  local h = redis.call('HMGET', k, 'json', 'by', 'at')
  return { 0, h[1], h[2], h[3] }
end
redis.call('HSET', k, 'json', ARGV[4], 'by', ARGV[5], 'byOrder', ARGV[6], 'at', ARGV[7], 'keys', ARGV[3])
redis.call('SADD', ARGV[3], k)
redis.call('ZADD', P .. 'previews', ARGV[8], k)
if tonumber(ARGV[9]) > 0 then redis.call('PEXPIRE', k, ARGV[9]) end
return { 1 }
`)

/** ARGV: P, preview key, merchant order id lower-cased, consumed by json. Answers 1 when that order id holds the preview. */
export const CONSUME_PREVIEW = script(`
local h = redis.call('HMGET', ARGV[2], 'json', 'byOrder', 'at')
if not h[1] or h[3] ~= '' then return 0 end
if h[2] ~= '' then
  if h[2] == ARGV[3] then return 1 end
  return 0
end
redis.call('HSET', ARGV[2], 'by', ARGV[4], 'byOrder', ARGV[3])
return 1
`)

/** ARGV: P, preview key, order id (lower case). Answers 1 when that order id held the preview and now nobody does. */
export const RELEASE_PREVIEW = script(`
local h = redis.call('HMGET', ARGV[2], 'byOrder')
if h[1] ~= ARGV[3] then return 0 end
redis.call('HSET', ARGV[2], 'by', '', 'byOrder', '')
return 1
`)

/** ARGV: P, preview key, applied at. Answers 1 when this call applied it. */
export const MARK_PREVIEW_APPLIED = script(`
local h = redis.call('HMGET', ARGV[2], 'json', 'by', 'at')
if not h[1] or h[2] ~= '' or h[3] ~= '' then return 0 end
redis.call('HSET', ARGV[2], 'at', ARGV[3])
return 1
`)

/** ARGV: P, cutoff (ms). Forgets up to 500 previews that expired by then; answers how many. */
export const SWEEP_PREVIEWS = script(`
local keys = redis.call('ZRANGEBYSCORE', P .. 'previews', '-inf', ARGV[2], 'LIMIT', 0, 500)
for _, k in ipairs(keys) do
  local owner = redis.call('HGET', k, 'keys')
  if owner then redis.call('SREM', owner, k) end
  redis.call('DEL', k)
  redis.call('ZREM', P .. 'previews', k)
end
return #keys
`)

/** ARGV: P, id, revision read, 'guard' or ''. */
export const FORGET_ORDER = script(`
return forget(ARGV[2], ARGV[3], ARGV[4] == 'guard')
`)

/**
 * ARGV: P, the most orders held. Forgets the oldest orders while the store holds more, looking at
 * 200 at most. An order it meets that must stay (a live mandate, needed by a subscription, or
 * written before orders recorded whether theirs is live) moves aside to 'held' at its place, so no
 * later insert looks at it again until a write lets it go (index_written). Answers how many orders
 * over the cap are left to forget, 0 when none are or none may go.
 */
export const CAP = script(`
local over = redis.call('ZCARD', P .. 'created') + redis.call('ZCARD', P .. 'held') - tonumber(ARGV[2])
for _ = 1, 200 do
  if over <= 0 then return 0 end
  local oldest = redis.call('ZRANGE', P .. 'created', 0, 0, 'WITHSCORES')
  if #oldest == 0 then return 0 end
  local id = oldest[1]
  local okey = P .. 'order:' .. id
  if redis.call('EXISTS', okey) == 1 and (redis.call('HGET', okey, 'live') ~= '0' or redis.call('SISMEMBER', P .. 'needed', id) == 1) then
    redis.call('ZADD', P .. 'held', oldest[2], id)
    redis.call('ZREM', P .. 'created', id)
  else
    forget(id, '', false)
    over = over - 1
  end
end
return over
`)

/** ARGV: P, id, merchant, due (sandbox time), kind, payload, merchant key base. */
export const SCHEDULE = script(`
schedule_job(ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
return 1
`)

/**
 * ARGV: P, due by, lease ms, limit. Leases are on the Redis server's clock, the one clock every
 * instance shares. Answers per job: id, merchant, due, kind, payload.
 */
export const CLAIM_DUE = script(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local leaseMs, limit = tonumber(ARGV[3]), tonumber(ARGV[4])
local out, taken, offset = {}, 0, 0
while taken < limit do
  local ids = redis.call('ZRANGEBYSCORE', P .. 'jobs', '-inf', ARGV[2], 'LIMIT', offset, 100)
  if #ids == 0 then break end
  offset = offset + #ids
  for _, id in ipairs(ids) do
    local jkey = P .. 'job:' .. id
    local h = redis.call('HMGET', jkey, 'id', 'm', 'due', 'kind', 'payload', 'lease')
    if not h[1] then
      redis.call('ZREM', P .. 'jobs', id)
    elseif h[6] == '' or tonumber(h[6]) <= now then
      redis.call('HSET', jkey, 'lease', tostring(now + leaseMs))
      table.insert(out, h[1])
      table.insert(out, h[2])
      table.insert(out, h[3])
      table.insert(out, h[4])
      table.insert(out, h[5])
      taken = taken + 1
      if taken == limit then break end
    end
  end
end
return out
`)

/** ARGV: P, id, 'next' or '', next due (sandbox time), next payload. Ends a job only while it is held. */
export const FINISH_JOB = script(`
local jkey = P .. 'job:' .. ARGV[2]
local h = redis.call('HMGET', jkey, 'lease', 'mjobs', 'mbase')
if not h[1] or h[1] == '' then return 0 end
local mbase = h[3] or nil
if ARGV[3] == 'next' then
  redis.call('HSET', jkey, 'due', ARGV[4], 'payload', ARGV[5], 'lease', '')
  put_job(ARGV[2], ARGV[4], mbase)
else
  drop_job(ARGV[2], h[2], mbase)
end
return 1
`)

/**
 * ARGV: P, merchant, merchant orders key, merchant keys set, merchant subscriptions set, merchant
 * key base. Forgets everything of one merchant through its index sets and puts its clock back to
 * real time; answers the page ids forgotten.
 */
export const RESET_MERCHANT = script(`
local merchant = ARGV[2]
local forgotten = {}
for _, id in ipairs(redis.call('HVALS', ARGV[3])) do
  if redis.call('EXISTS', P .. 'order:' .. id) == 1 then table.insert(forgotten, id) end
  forget(id, '', false)
end
redis.call('DEL', ARGV[3])
for _, skey in ipairs(redis.call('SMEMBERS', ARGV[5])) do
  local h = redis.call('HMGET', skey, 'page', 'mandate', 'pkey', 'ckey')
  if h[1] then
    redis.call('SREM', P .. 'needed', h[1], h[2])
    redis.call('DEL', skey, h[3])
    if h[4] ~= '' then redis.call('DEL', h[4]) end
  end
end
for _, key in ipairs(redis.call('SMEMBERS', ARGV[4])) do
  redis.call('ZREM', P .. 'previews', key)
  redis.call('DEL', key)
end
local mbase = ARGV[6]
for _, id in ipairs(redis.call('SMEMBERS', mbase .. 'jobs')) do
  local jkey = P .. 'job:' .. id
  if redis.call('HGET', jkey, 'm') == merchant then
    redis.call('DEL', jkey)
    redis.call('ZREM', P .. 'jobs', id)
  end
end
redis.call('DEL', ARGV[4], ARGV[5], mbase .. 'jobs', mbase .. 'due', mbase .. 'clock')
return forgotten
`)

/**
 * ARGV: P, merchant key base, due by (sandbox time), lease ms. The merchant's soonest job when it
 * is due by then: answers {'job', id, merchant, due, kind, payload} having leased it (on the Redis
 * server's clock, as CLAIM_DUE), {'held'} when another caller holds it, {} when none is due.
 */
export const CLAIM_NEXT_DUE = script(`
local mbase = ARGV[2]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
while true do
  local first = redis.call('ZRANGE', mbase .. 'due', 0, 0, 'WITHSCORES')
  if #first == 0 or tonumber(first[2]) > tonumber(ARGV[3]) then return {} end
  local id = first[1]
  local jkey = P .. 'job:' .. id
  local h = redis.call('HMGET', jkey, 'id', 'm', 'due', 'kind', 'payload', 'lease')
  if not h[1] then
    redis.call('ZREM', mbase .. 'due', id)
  elseif h[6] ~= '' and tonumber(h[6]) > now then
    return { 'held' }
  else
    redis.call('HSET', jkey, 'lease', tostring(now + tonumber(ARGV[4])))
    return { 'job', h[1], h[2], h[3], h[4], h[5] }
  end
end
`)

/**
 * ARGV: P, merchant key base, offset (ms). Moves the merchant's clock forward to that offset from
 * real time, never back, and its jobs' real due times with it. Answers the offset as it now stands.
 */
export const ADVANCE_CLOCK = script(`
local mbase = ARGV[2]
local current = clock_offset(mbase)
local by = tonumber(ARGV[3]) - current
if by <= 0 then return tostring(current) end
for _, id in ipairs(redis.call('ZRANGE', mbase .. 'due', 0, -1)) do
  if redis.call('ZSCORE', P .. 'jobs', id) then redis.call('ZINCRBY', P .. 'jobs', -by, id) end
end
redis.call('SET', mbase .. 'clock', ARGV[3])
return ARGV[3]
`)
