import * as z from 'zod/mini'
import { CheckoutError, JuspayError, PluralError, ZenskarError } from '../../contract/errors'
import { Plan } from '../../contract/plan'
import { PageError, SessionView } from '../../contract/session'
import { CreateSessionBody } from '../dialects/checkout/request-schema'
import { CheckoutSession } from '../dialects/checkout/session-object'
import { CheckoutBody } from '../dialects/zenskar/request'
import { OPERATIONS, type Answer, type Area, type Auth, type Operation } from './operations'
import { JuspayObject, JuspayOrderRequest, JuspaySession, QaClock, QaDecision, ZenskarCheckout } from './shapes'

/**
 * The sandbox's OpenAPI 3.1 document (GET /openapi.json), made from OPERATIONS. Every schema in it
 * is zod's own JSON Schema output (draft 2020-12, the dialect OpenAPI 3.1 uses) of the schema the
 * route parses with, or of the shape openapi.test.ts checks its answers against.
 */

type Json = Record<string, unknown>

/** The document's own version: its minor moves when a route is added, its major when one changes incompatibly. */
export const API_VERSION = '1.0.0'

const AREAS: Record<Area, { name: string; description: string; envelope: z.core.$ZodType | null }> = {
  juspay: { name: 'Juspay', description: 'Juspay\'s Express Checkout, Billing and mandate APIs (docs/domain/juspay.md). HTTP Basic: the API key as user name.', envelope: JuspayError },
  checkout: { name: 'Checkout sessions', description: 'The UseePay/Stripe style checkout-session API (docs/domain/checkout-session.md). Bearer API key.', envelope: CheckoutError },
  zenskar: { name: 'Zenskar', description: 'Zenskar\'s checkouts for plans (docs/domain/zenskar.md). The API key in x-api-key; `organisation`, when sent, must be the merchant id.', envelope: ZenskarError },
  plural: { name: 'Plural', description: 'Plural\'s UPI AutoPay subscriptions (docs/domain/plural.md). Bearer API key.', envelope: PluralError },
  qa: { name: 'QA', description: 'Sandbox-only controls for tests: decide attempts, read webhooks, plans, the merchant\'s clock, reset. HTTP Basic; answers in Juspay\'s envelope. Off when the sandbox is started without QA.', envelope: JuspayError },
  'page-api': { name: 'Page API', description: 'The hosted page\'s own API, reached through a session\'s page id or client secret; merchants do not call it.', envelope: PageError },
  pages: { name: 'Pages', description: 'The hosted payment page and the embed script.', envelope: null },
  simulators: { name: 'Simulators', description: 'The simulated UPI app and bank the customer is sent to (HTML forms).', envelope: null },
  demo: { name: 'Demo merchant', description: 'The demo merchant\'s page and its server routes (off with SANDBOX_DEMO=off); answers in Juspay\'s envelope.', envelope: JuspayError },
  meta: { name: 'Sandbox', description: 'Health and this document.', envelope: null },
}

const SECURITY_SCHEMES: Record<Exclude<Auth, 'none'>, Json> = {
  basic: { type: 'http', scheme: 'basic', description: 'The API key as user name, empty password' },
  bearer: { type: 'http', scheme: 'bearer', description: 'The API key' },
  'x-api-key': { type: 'apiKey', in: 'header', name: 'x-api-key' },
}

/** Schemas several routes share, written once under components/schemas and referred to by name. */
const SHARED: ReadonlyMap<z.core.$ZodType, string> = new Map<z.core.$ZodType, string>([
  [SessionView, 'SessionView'],
  [JuspayOrderRequest, 'JuspayOrderRequest'],
  [JuspaySession, 'JuspaySession'],
  [JuspayObject, 'JuspayObject'],
  [CreateSessionBody, 'CheckoutSessionRequest'],
  [CheckoutSession, 'CheckoutSession'],
  [CheckoutBody, 'ZenskarCheckoutRequest'],
  [ZenskarCheckout, 'ZenskarCheckout'],
  [Plan, 'Plan'],
  [QaDecision, 'QaDecision'],
  [QaClock, 'QaClock'],
])

const MEDIA: Record<'json' | 'form', string> = { json: 'application/json', form: 'application/x-www-form-urlencoded' }

/** A shared schema by reference, any other written out. */
function schemaOf(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  const name = SHARED.get(schema)
  return name ? { $ref: `#/components/schemas/${name}` } : jsonSchema(schema, io)
}

/** zod's JSON Schema of a schema, as OpenAPI 3.1 embeds it (no `$schema` of its own). */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): Json {
  const generated: Json = { ...z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) }
  delete generated['$schema']
  return generated
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The request is not valid',
  401: 'No valid API key',
  403: 'Not allowed for this key or origin',
  404: 'Not found',
  409: 'In conflict with the current state',
  413: 'The body is too large',
  415: 'The body is not of a media type this route takes',
  422: 'The request cannot be served as it is',
  429: 'Too many requests; see Retry-After',
  503: 'Not available in this sandbox',
}

function answerContent(answer: Answer): Json | undefined {
  if (answer.schema) return { 'application/json': { schema: schemaOf(answer.schema, 'output') } }
  if (answer.media) return { [answer.media]: {} }
  return undefined
}

function responses(op: Operation): Json {
  const out: Json = {}
  for (const answer of op.answers) {
    const content = answerContent(answer)
    out[String(answer.status)] = { description: answer.description, ...(content ? { content } : {}) }
  }
  const envelope = AREAS[op.area].envelope
  for (const status of op.refusals) {
    out[String(status)] = {
      description: STATUS_TEXT[status] ?? 'Refused',
      ...(envelope ? { content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.area}-error` } } } } : {}),
    }
  }
  return out
}

/** `{name}` parameters in an OpenAPI path, in order. */
export const pathParameterNames = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '')

function parameters(op: Operation): Json[] {
  const inPath = pathParameterNames(op.path).map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: op.pathEnums?.[name] ? { type: 'string', enum: op.pathEnums[name] } : { type: 'string' },
  }))
  const inQuery = Object.entries(op.query ?? {}).map(([name, description]) => ({ name, in: 'query', required: false, description, schema: { type: 'string' } }))
  return [...inPath, ...inQuery]
}

function operation(op: Operation): Json {
  const params = parameters(op)
  const { body } = op
  return {
    operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    tags: [AREAS[op.area].name],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    security: op.auth === 'none' ? [] : [{ [op.auth]: [] }],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(body ? { requestBody: { required: body.required, content: Object.fromEntries(body.media.map((media) => [MEDIA[media], { schema: schemaOf(body.schema, 'input') }])) } } : {}),
    responses: responses(op),
  }
}

/** The whole document; `serverUrl` is the sandbox's public origin. */
export function openApiDocument(serverUrl: string, operations: readonly Operation[] = OPERATIONS): Json {
  const paths: Record<string, Json> = {}
  for (const op of operations) paths[op.path] = { ...paths[op.path], [op.method]: operation(op) }
  const errorSchemas = Object.fromEntries(
    Object.entries(AREAS).flatMap(([area, { envelope }]) => (envelope ? [[`${area}-error`, jsonSchema(envelope, 'output')]] : [])),
  )
  // Request bodies are read as sent (zod's input side), answers as made (its output side).
  const requests = new Set(operations.flatMap((op) => (op.body ? [op.body.schema] : [])))
  const shared = Object.fromEntries([...SHARED].map(([schema, name]) => [name, jsonSchema(schema, requests.has(schema) ? 'input' : 'output')]))
  return {
    openapi: '3.1.0',
    info: {
      title: 'mandate-checkout sandbox',
      version: API_VERSION,
      description: 'Every route of the sandbox: the merchant APIs in each dialect, the QA API, the page\'s own API, the pages and the simulators. Refusals are in each API\'s own envelope.',
    },
    servers: [{ url: serverUrl }],
    tags: Object.values(AREAS).map(({ name, description }) => ({ name, description })),
    paths,
    components: { schemas: { ...errorSchemas, ...shared }, securitySchemes: SECURITY_SCHEMES },
  }
}
