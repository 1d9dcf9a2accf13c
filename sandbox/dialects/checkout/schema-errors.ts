import type * as z from 'zod'
import { invalidParam, type CheckoutErrorSpec } from './errors'
import { valueAt } from '../../http/json-path'

/** Stripe-style parameter names: line_items[0][price_data][unit_amount]. */
export function paramName(path: readonly PropertyKey[]): string {
  return path.map((segment, index) => (index === 0 ? String(segment) : `[${String(segment)}]`)).join('')
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}


/** Deepest object the create-session schema reads: line_items[i][price_data][product_data]. */
const DEEPEST_SCHEMA_OBJECT = 4

/**
 * Path of an own `__proto__` key in any object the schema reads. Schemas drop such keys silently
 * (assigning one would swap the prototype), so they are refused before parsing instead. Deeper
 * values are never read as objects, so the search stops there, however deep the JSON nests.
 */
export function findProtoKey(value: unknown, path: PropertyKey[] = []): PropertyKey[] | null {
  if (!isRecord(value) || path.length > DEEPEST_SCHEMA_OBJECT) return null
  for (const [key, child] of Object.entries(value)) {
    if (key === '__proto__') return [...path, key]
    const found = findProtoKey(child, [...path, key])
    if (found) return found
  }
  return null
}

/** Turns the first schema issue into one error: missing, unknown or invalid, naming the parameter. */
export function issueToError(issue: z.core.$ZodIssue, body: unknown): CheckoutErrorSpec {
  if (issue.code === 'unrecognized_keys') {
    const param = paramName([...issue.path, issue.keys[0] ?? ''])
    return invalidParam(param, `Received unknown parameter: ${param}`, 'parameter_unknown')
  }
  if (issue.path.length === 0) {
    return { status: 400, type: 'invalid_request_error', code: 'parameter_invalid', message: 'The request body must be a JSON object.' }
  }
  const param = paramName(issue.path)
  if (issue.code === 'invalid_key') return invalidParam(param, `Invalid ${param}: ${issue.issues[0]?.message ?? issue.message}`)
  if (valueAt(body, issue.path) === undefined) return invalidParam(param, `${param} required`, 'parameter_missing')
  return invalidParam(param, `Invalid ${param}: ${issue.message}`)
}
