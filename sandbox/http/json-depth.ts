/**
 * How deep a JSON value from a request body may nest (objects and arrays). Every body a merchant
 * API takes nests fewer than ten levels; a value nested thousands deep makes any recursive walk
 * (JSON.stringify of a metadata value, a schema) overflow the stack, so it is refused up front.
 */
export const MAX_JSON_DEPTH = 32

/** Whether `value` nests objects or arrays more than `max` deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue
    const depth = next.depth + 1
    if (depth > max) return true
    for (const child of Object.values(next.value)) if (typeof child === 'object' && child !== null) pending.push({ value: child, depth })
  }
  return false
}

/** The message every dialect refuses such a body with. */
export const TOO_DEEP_MESSAGE = `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`
