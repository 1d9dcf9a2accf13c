/**
 * Reading a JSON body at a schema issue's path, shared by the dialects that check their bodies
 * with a schema: the place named as a JSON reader writes it, and the value sent there.
 */

/** `plan.amount.value`, `items[0].quantity`: as a JSON reader names the place. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, segment) => (typeof segment === 'number' ? `${name}[${segment}]` : name ? `${name}.${String(segment)}` : String(segment)), '')
}

const isObject = (value: unknown): value is Record<PropertyKey, unknown> => typeof value === 'object' && value !== null

/** The value sent at `path`, or undefined when it (or a parent) is absent; only own properties count. */
export function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body
  for (const segment of path) {
    if (!isObject(current) || typeof segment === 'symbol' || !Object.hasOwn(current, segment)) return undefined
    current = current[segment]
  }
  return current
}
