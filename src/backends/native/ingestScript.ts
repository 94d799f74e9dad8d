/**
 * The Lua script that writes the points of ONE series and refreshes every rollup bucket they
 * touch, atomically. Each touched bucket is recomputed from its children (the raw points of
 * its 15 minutes; the four quarters of an hour; the 24 hours of a day), never incremented.
 * That is what makes ingest idempotent — re-sending a batch rewrites the same values — and
 * what lets a replaced or late point change every level exactly.
 *
 * All keys belong to one series, so they share one hash tag and one Cluster slot. The caller
 * (seriesWriter.ts) plans the keys and fields; the script only follows the plan:
 *   ARGV = mode, nPoints, (keyIndex, field, value) × nPoints,
 *          nQuarters, (chunkKeyIndex, fromOffset, rollupKeyIndex, field) × nQuarters,
 *          nParents, (childKeyIndex, firstChildField, childCount, keyIndex, field) × nParents,
 *          nExpiries, (keyIndex, unixSeconds) × nExpiries
 * Parents are listed hours before days, so a day reads hours already refreshed.
 * `mode` is `replace` (measurements: a point replaces the one at its second) or `add` (usage
 * records: a point's state is combined into the one at its second, so two requests in the
 * same second both count; not idempotent, and used only where each point is sent once).
 */
export const INGEST_SCRIPT = `
local function decode(s)
  if not string.find(s, ',', 1, true) then
    local v = tonumber(s)
    return { 1, v, v, v, v, v, v * v }
  end
  local t = {}
  for part in string.gmatch(s, '[^,]+') do t[#t + 1] = tonumber(part) end
  return t
end

local function encode(st)
  return string.format('%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g', st[1], st[2], st[3], st[4], st[5], st[6], st[7])
end

local function merge(a, b)
  if a == nil then return b end
  return { a[1] + b[1], a[2] + b[2], math.min(a[3], b[3]), math.max(a[4], b[4]), a[5], b[6], a[7] + b[7] }
end

local function store(key, field, st)
  if st == nil then
    redis.call('HDEL', key, field)
  else
    redis.call('HSET', key, field, encode(st))
  end
end

local n = 1
local function nextArg()
  local v = ARGV[n]
  n = n + 1
  return v
end

local mode = nextArg()
for _ = 1, tonumber(nextArg()) do
  local key = KEYS[tonumber(nextArg())]
  local field = nextArg()
  local value = nextArg()
  if mode == 'add' then
    local existing = redis.call('HGET', key, field)
    if existing then value = encode(merge(decode(existing), decode(value))) end
  end
  redis.call('HSET', key, field, value)
end

local chunks = {}
for _ = 1, tonumber(nextArg()) do
  local chunkKey = KEYS[tonumber(nextArg())]
  local from = tonumber(nextArg())
  local key = KEYS[tonumber(nextArg())]
  local field = nextArg()
  local all = chunks[chunkKey]
  if all == nil then
    all = redis.call('HGETALL', chunkKey)
    chunks[chunkKey] = all
  end
  local inside = {}
  for i = 1, #all, 2 do
    local offset = tonumber(all[i])
    if offset >= from and offset < from + 900 then inside[#inside + 1] = { offset, all[i + 1] } end
  end
  table.sort(inside, function(a, b) return a[1] < b[1] end)
  local st = nil
  for _, point in ipairs(inside) do st = merge(st, decode(point[2])) end
  store(key, field, st)
end

for _ = 1, tonumber(nextArg()) do
  local childKey = KEYS[tonumber(nextArg())]
  local firstChild = tonumber(nextArg())
  local childCount = tonumber(nextArg())
  local key = KEYS[tonumber(nextArg())]
  local field = nextArg()
  local fields = {}
  for i = 0, childCount - 1 do fields[#fields + 1] = tostring(firstChild + i) end
  local children = redis.call('HMGET', childKey, unpack(fields))
  local st = nil
  for i = 1, childCount do
    if children[i] then st = merge(st, decode(children[i])) end
  end
  store(key, field, st)
end

for _ = 1, tonumber(nextArg()) do
  local key = KEYS[tonumber(nextArg())]
  redis.call('EXPIREAT', key, tonumber(nextArg()))
end
return 1
`;
