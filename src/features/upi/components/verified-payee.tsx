import type { VpaVerification } from '../../../../contract/attempt'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'

/** Who the verified UPI ID belongs to, and whether it can set up AutoPay (only asked when a mandate is set up). */
export function VerifiedPayee({ verification, setUpMandate }: { verification: VpaVerification; setUpMandate: boolean }) {
  const { t } = useAreaText(upiCatalogs)
  const supported = verification.mandate_details.is_handle_supported
  return (
    <section aria-labelledby="payee-heading" className="flex flex-col gap-2 rounded-xl border border-slate-300 bg-slate-50 p-4">
      <h2 id="payee-heading" className="text-base font-semibold text-slate-900">
        {t('upi.collect.verified')}
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        <dt className="text-slate-700">{t('upi.collect.holder')}</dt>
        <dd className="font-semibold text-slate-900">
          <bdi dir="auto">{verification.customer_name ?? verification.vpa}</bdi>
        </dd>
        {setUpMandate && (
          <>
            <dt className="text-slate-700">{t('upi.collect.autopay')}</dt>
            <dd className="text-slate-900">{t(supported ? 'upi.collect.autopayYes' : 'upi.collect.autopayNo')}</dd>
          </>
        )}
      </dl>
    </section>
  )
}
