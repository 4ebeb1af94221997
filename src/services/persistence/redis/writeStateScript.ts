import type { Result } from 'ioredis';

/**
 * Writes a batch of state items atomically, after checking every eTag (optimistic concurrency).
 * Stored value: "<eTag>\n<json>". KEYS: the Redis keys (one hash slot). ARGV, per key, in order:
 * expected eTag ("" or "*" = write anyway), new eTag, JSON payload, TTL seconds ("0" = none).
 * Returns 0 on success, or the 1-based index of the first key whose eTag was stale.
 */
export const WRITE_STATE_LUA = `
for i, key in ipairs(KEYS) do
  local expected = ARGV[(i - 1) * 4 + 1]
  if expected ~= '' and expected ~= '*' then
    local current = redis.call('GET', key)
    if current then
      local newline = string.find(current, '\\n', 1, true)
      if string.sub(current, 1, newline - 1) ~= expected then return i end
    end
  end
end
for i, key in ipairs(KEYS) do
  local base = (i - 1) * 4
  local value = ARGV[base + 2] .. '\\n' .. ARGV[base + 3]
  local ttl = tonumber(ARGV[base + 4])
  if ttl > 0 then redis.call('SET', key, value, 'EX', ttl) else redis.call('SET', key, value) end
end
return 0
`;

export const WRITE_STATE_COMMAND = 'fppWriteState';

declare module 'ioredis' {
  interface RedisCommander<Context> {
    fppWriteState(numberOfKeys: number, ...keysAndArgs: (string | number)[]): Result<number, Context>;
  }
}
