import * as z from 'zod/mini'
import { AmountRule, CreateMandate, Frequency, RuleType } from '../../contract/mandate'
import type { DemoSessionRequest } from '../../contract/demo'
import { demoMessages as m } from './messages'

const rupees = z.string().check(z.regex(/^\d{1,9}(\.\d{1,2})?$/, m.invalidAmount))

/** What the form holds: text inputs stay strings until submit turns them into the request. */
export const DemoFormSchema = z.object({
  /** '' sells no plan: a mandate with the terms below. */
  plan_id: z.string(),
  plan_amount: z.string().check(z.regex(/^$|^\d{1,9}(\.\d{1,2})?$/, m.invalidAmount)),
  amount: rupees,
  max_amount: rupees,
  frequency: Frequency,
  rule_type: RuleType,
  rule_value: z.string().check(z.regex(/^$|^([1-9]|[12]\d|3[01])$/, m.dayRange)),
  amount_rule: AmountRule,
  create_mandate: CreateMandate,
  description: z.string().check(z.maxLength(255)),
  action: z.enum(['paymentPage', 'enach']),
  auto_refund: z.boolean(),
})
export type DemoFormValues = z.infer<typeof DemoFormSchema>

export const demoDefaults: DemoFormValues = {
  plan_id: '',
  plan_amount: '',
  amount: '1.00',
  max_amount: '1000.00',
  frequency: 'MONTHLY',
  rule_type: 'AFTER',
  rule_value: '5',
  amount_rule: 'VARIABLE',
  create_mandate: 'REQUIRED',
  description: 'Acme Fitness monthly membership',
  action: 'paymentPage',
  auto_refund: true,
}

export function toRequest(values: DemoFormValues): DemoSessionRequest {
  const { rule_value, plan_id, plan_amount, ...rest } = values
  return {
    ...rest,
    ...(rule_value === '' ? {} : { rule_value: Number(rule_value) }),
    ...(plan_id === '' ? {} : { plan_id }),
    ...(plan_id === '' || plan_amount === '' ? {} : { plan_amount }),
  }
}

/** Juspay field names in error_info.fields → the form field they belong to. */
export const SERVER_FIELD_TO_FORM: Readonly<Record<string, keyof DemoFormValues>> = {
  'payment_rules.payment_flows.billing_creation.info.plan_id': 'plan_id',
  'payment_rules.payment_flows.billing_creation.info.plan_amount': 'plan_amount',
  amount: 'amount',
  'mandate.max_amount': 'max_amount',
  'mandate.frequency': 'frequency',
  'mandate.rule_type': 'rule_type',
  'mandate.rule_value': 'rule_value',
  'mandate.amount_rule': 'amount_rule',
  'options.create_mandate': 'create_mandate',
  description: 'description',
}
