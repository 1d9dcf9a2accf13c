import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useQuery } from '@tanstack/react-query'
import { zodResolver } from '@hookform/resolvers/zod'
import { AMOUNT_RULES, CREATE_MANDATE, FREQUENCIES, RULE_TYPES } from '../../contract/mandate'
import { createDemoSession, fetchDemoPlans, type CreatedSession } from './demo-api'
import { DemoField } from './demo-field'
import { DemoFormSchema, SERVER_FIELD_TO_FORM, demoDefaults, toRequest, type DemoFormValues } from './demo-form-schema'
import { demoMessages as m } from './messages'

const control =
  'rounded-md border border-slate-400 px-3 py-2 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-300 aria-[invalid=true]:border-red-700'

export function DemoForm({ onCreated }: { onCreated: (session: CreatedSession) => void }) {
  const [failure, setFailure] = useState<string | null>(null)
  const { register, handleSubmit, setError, formState, watch } = useForm<DemoFormValues>({
    resolver: zodResolver(DemoFormSchema),
    defaultValues: demoDefaults,
  })
  const { errors, isSubmitting } = formState
  const plans = useQuery({ queryKey: ['demo-plans'], queryFn: fetchDemoPlans })
  const planId = watch('plan_id')
  const plan = plans.data?.find((p) => p.plan_id === planId)

  const submit = handleSubmit(async (values) => {
    setFailure(null)
    const result = await createDemoSession(toRequest(values)).catch(() => null)
    if (!result) return setFailure(m.unreachable)
    if (result.ok) return onCreated(result.session)
    setFailure(`${m.failed}: ${result.message}`)
    for (const { field, reason } of result.fields) {
      const name = SERVER_FIELD_TO_FORM[field]
      if (name) setError(name, { message: reason })
    }
  })

  const text = (name: keyof DemoFormValues, label: string, extra: { inputMode?: 'decimal' | 'numeric'; hint?: string } = {}) => (
    <DemoField id={name} label={label} error={errors[name]?.message} {...(extra.hint ? { hint: extra.hint } : {})}>
      {(describedBy) => (
        <input
          id={name}
          className={control}
          inputMode={extra.inputMode}
          autoComplete="off"
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={describedBy}
          {...register(name)}
        />
      )}
    </DemoField>
  )

  const select = (name: keyof DemoFormValues, label: string, options: readonly { value: string; label: string }[]) => (
    <DemoField id={name} label={label} error={errors[name]?.message}>
      {(describedBy) => (
        <select id={name} className={control} aria-describedby={describedBy} {...register(name)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </DemoField>
  )
  const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="mt-6 grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        {select('plan_id', m.plan, [{ value: '', label: m.noPlan }, ...(plans.data ?? []).map((p) => ({ value: p.plan_id, label: p.name }))])}
        {plans.isError && <p className="mt-1 text-sm text-slate-700">{m.plansUnavailable}</p>}
      </div>
      {text('amount', m.amount, { inputMode: 'decimal' })}
      {plan ? (
        <>
          {plan.variable && text('plan_amount', m.planAmount, { inputMode: 'decimal', hint: m.planAmountHint })}
          <p className="text-slate-700 sm:col-span-2">{m.planTerms}</p>
        </>
      ) : (
        <>
          {text('max_amount', m.maxAmount, { inputMode: 'decimal' })}
          {select('frequency', m.frequency, plain(FREQUENCIES))}
          {select('amount_rule', m.amountRule, plain(AMOUNT_RULES))}
          {select('rule_type', m.ruleType, plain(RULE_TYPES))}
          {text('rule_value', m.ruleValue, { inputMode: 'numeric', hint: m.ruleValueHint })}
          {select('create_mandate', m.createMandate, plain(CREATE_MANDATE))}
        </>
      )}
      {select('action', m.action, [
        { value: 'paymentPage', label: m.actionPaymentPage },
        { value: 'enach', label: m.actionEnach },
      ])}
      <div className="sm:col-span-2">{text('description', m.description)}</div>
      <label className="flex items-center gap-2 sm:col-span-2">
        <input type="checkbox" className="size-5" {...register('auto_refund')} />
        {m.autoRefund}
      </label>
      {failure && (
        <p role="alert" className="text-red-700 sm:col-span-2">
          {failure}
        </p>
      )}
      <button
        type="submit"
        disabled={isSubmitting}
        className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white disabled:opacity-60 focus:outline-none focus-visible:ring-4 focus-visible:ring-sky-300 sm:col-span-2 sm:justify-self-start"
      >
        {isSubmitting ? m.submitting : m.submit}
      </button>
    </form>
  )
}
