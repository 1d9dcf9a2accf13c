import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import type { VpaVerification } from '../../../../contract/attempt'
import { Button } from '../../../components/ui/button'
import { useAnnounce } from '../../../components/ui/announcer'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import type { WriteResult } from '../../../lib/write-result'
import { useVerifyVpa } from '../api/use-verify-vpa'
import { fieldFailure, fieldMessageKey, VpaFormSchema, type VpaFormValues } from '../vpa-schema'
import { VerifiedPayee } from './verified-payee'

interface VpaFormProps {
  pageId: string
  setUpMandate: boolean
  send: (vpa: string) => Promise<WriteResult | null>
  sending: boolean
}

/**
 * The UPI ID, checked in two steps with one submit button: "Verify" asks the PSP who holds it and
 * whether it can set up AutoPay; "Send request" then sends the collect request. Every refusal, the
 * server's included, lands on the field.
 */
export function VpaForm({ pageId, setUpMandate, send, sending }: VpaFormProps) {
  const { t } = useAreaText(upiCatalogs)
  const announce = useAnnounce()
  const verifier = useVerifyVpa(pageId)
  const [verified, setVerified] = useState<VpaVerification | null>(null)
  const { register, handleSubmit, setError, control, formState } = useForm<VpaFormValues>({
    resolver: zodResolver(VpaFormSchema),
    defaultValues: { vpa: '' },
  })
  const typed = useWatch({ control, name: 'vpa' }).trim().toLowerCase()
  const current = verified && verified.vpa.toLowerCase() === typed && verified.status === 'VALID' ? verified : null
  const ready = current !== null && (!setUpMandate || current.mandate_details.is_handle_supported)
  const refuse = (key: Parameters<typeof t>[0]) => setError('vpa', { type: 'server', message: key }, { shouldFocus: true })

  const onSubmit = async ({ vpa }: VpaFormValues) => {
    if (ready) {
      const result = await send(vpa)
      const key = result && !result.ok ? fieldFailure(result.failure) : null
      if (key) refuse(key)
      return
    }
    const result = await verifier.run(vpa)
    if (!result?.ok) return
    const verification = result.verification
    setVerified(verification)
    if (verification.status === 'INVALID') refuse('upi.collect.invalid')
    else if (setUpMandate && !verification.mandate_details.is_handle_supported) refuse('upi.collect.noAutopay')
    else announce(`${t('upi.collect.verified')}: ${verification.customer_name ?? verification.vpa}`)
  }

  const error = formState.errors.vpa
  const busy = formState.isSubmitting || sending || verifier.pending
  const networkTrouble = verifier.data?.ok === false
  return (
    <form noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)} className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <label htmlFor="vpa" className="text-base font-semibold text-slate-900">
          {t('upi.collect.label')}
        </label>
        <p id="vpa-hint" className="text-sm text-slate-700">
          {t('upi.collect.hint')}
        </p>
        <input
          id="vpa"
          dir="ltr"
          type="text"
          autoComplete="off"
          inputMode="email"
          autoCapitalize="none"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'vpa-hint vpa-error' : 'vpa-hint'}
          className="min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-base text-slate-900"
          {...register('vpa')}
        />
        {error && (
          <p id="vpa-error" className="text-sm font-semibold text-red-700">
            {t(fieldMessageKey(error.message))}
          </p>
        )}
      </div>
      {current && <VerifiedPayee verification={current} setUpMandate={setUpMandate} />}
      {networkTrouble && <p className="text-sm text-red-700">{t('upi.error.network')}</p>}
      {verifier.pending && <p className="text-sm text-slate-700">{t('upi.collect.verifying')}</p>}
      <div>
        <Button type="submit" disabled={busy}>
          {t(ready ? 'upi.collect.send' : 'upi.collect.verify')}
        </Button>
      </div>
    </form>
  )
}
