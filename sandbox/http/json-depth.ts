/**
 * How deep a JSON value from a request body may nest (objects and arrays). Every body a merchant
 * API takes nests fewer than ten levels; a value nested thousands deep makes any recursive walk
 * (JSON.stringify of a metadata value, a schema) overflow the stack, so it is refused up front.
 */
export const MAX_JSON_DEPTH = 32

const isNesting = (value: unknown): value is object => typeof value === 'object' && value !== null

/** Whether `value` nests objects or arrays more than `max` deep; walks without recursion. */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const pending: { value: object; depth: number }[] = isNesting(value) ? [{ value, depth: 1 }] : []
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.depth > max) return true
    for (const child of Object.values(next.value)) if (isNesting(child)) pending.push({ value: child, depth: next.depth + 1 })
  }
  return false
}

/** The message every dialect refuses such a body with. */
export const TOO_DEEP_MESSAGE = `The request body nests objects or arrays more than ${MAX_JSON_DEPTH} levels deep.`
