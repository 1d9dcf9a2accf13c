import * as z from 'zod/mini'
import { DemoPlans, type DemoPlan, type DemoSessionRequest } from '../../contract/demo'
import { JuspayError } from '../../contract/errors'

const Created = z.object({
  order_id: z.string(),
  payment_links: z.object({ web: z.string() }),
})
export type CreatedSession = z.infer<typeof Created>

export type CreateResult =
  | { ok: true; session: CreatedSession }
  | { ok: false; message: string; fields: { field: string; reason: string }[] }

/** Asks the demo merchant's server route to create a session; errors come back in the Juspay envelope. */
export async function createDemoSession(request: DemoSessionRequest): Promise<CreateResult> {
  const res = await fetch('/demo/api/sessions', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  })
  const body: unknown = await res.json()
  if (res.ok) {
    const created = Created.safeParse(body)
    if (created.success) return { ok: true, session: created.data }
  }
  const error = JuspayError.safeParse(body)
  if (error.success) {
    return {
      ok: false,
      message: error.data.error_message,
      fields: error.data.error_info.fields.map((f) => ({ field: f.field_name, reason: f.reason })),
    }
  }
  return { ok: false, message: `HTTP ${res.status}`, fields: [] }
}

/** The plans the demo merchant sells, from its server route. */
export async function fetchDemoPlans(): Promise<DemoPlan[]> {
  const res = await fetch('/demo/api/plans')
  if (!res.ok) throw new Error(`HTTP ${res.status}`)
  return DemoPlans.parse(await res.json()).plans
}
