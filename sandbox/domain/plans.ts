import type { Plan } from '../../contract/plan'
import type { Merchant } from '../merchants'
import type { Store } from '../store/store'

/**
 * A merchant's plan catalogue: the plans of the merchants file (which stands in for Juspay's
 * dashboard, docs/domain/billing.md#where-plans-come-from) followed by those QA added at run time.
 * A plan_id names one plan per merchant across both; another merchant's plans are never reached.
 */
export async function merchantPlans(store: Store, merchant: Merchant): Promise<Plan[]> {
  return [...merchant.plans, ...(await store.plansOf(merchant.id))]
}

export async function merchantPlan(store: Store, merchant: Merchant, planId: string): Promise<Plan | undefined> {
  return (await merchantPlans(store, merchant)).find((plan) => plan.plan_id === planId)
}

export type AddPlanResult =
  | { outcome: 'created'; plan: Plan }
  /** The same plan was already there: a repeated request changes nothing. */
  | { outcome: 'unchanged'; plan: Plan }
  | { outcome: 'conflict'; existing: Plan }

/** Adds a run-time plan unless its plan_id is taken; an identical plan counts as already added. */
export async function addPlan(store: Store, merchant: Merchant, plan: Plan): Promise<AddPlanResult> {
  const inFile = merchant.plans.find((p) => p.plan_id === plan.plan_id)
  const result = inFile ? { inserted: false as const, existing: inFile } : await store.insertPlan(merchant.id, plan)
  if (result.inserted) return { outcome: 'created', plan }
  return samePlan(result.existing, plan) ? { outcome: 'unchanged', plan: result.existing } : { outcome: 'conflict', existing: result.existing }
}

/** Both come from the same schema, which writes keys in one order, so their JSON compares them. */
const samePlan = (a: Plan, b: Plan): boolean => JSON.stringify(a) === JSON.stringify(b)
