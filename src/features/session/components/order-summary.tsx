import type { SessionView } from '../../../../contract/session'
import { useI18n } from '../../../i18n/i18n-context'
import { formatDateTime, formatMoney } from '../../../lib/format'
import { TEST_IDS } from '../../../lib/test-ids'
import { LineItems } from './line-items'
import { SummaryRow } from './summary-row'

/** What is being paid for: the amount, who pays, what today costs against each later debit, and until when the link works. */
export function OrderSummary({ view }: { view: SessionView }) {
  const { t, locale } = useI18n()
  const customer = view.customer
  const customerText = customer ? [customer.name, customer.email, customer.phone].filter(Boolean).join(' · ') : ''
  const mandate = view.mandate
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-4">
      <h2 id="summary-heading" className="sr-only">
        {t('summary.heading')}
      </h2>
      <div>
        <p className="text-sm font-medium text-slate-700">{t('summary.amount')}</p>
        <p className="text-4xl font-bold text-slate-900" data-testid={TEST_IDS.amountDue}>
          {formatMoney(view.amount, locale)}
        </p>
        {view.description && (
          <p className="mt-1 text-base text-slate-700" dir="auto">
            {view.description}
          </p>
        )}
      </div>
      <LineItems items={view.lineItems} />
      <dl className="flex flex-col rounded-xl border border-slate-200 text-base">
        {mandate && (
          <SummaryRow label={t('summary.payToday')} testId={TEST_IDS.chargedToday}>
            {formatMoney(view.chargedToday, locale)}
          </SummaryRow>
        )}
        {mandate && (
          <SummaryRow
            label={t(mandate.amountRule === 'FIXED' ? 'summary.fixedPerDebit' : 'summary.maxPerDebit')}
            testId={TEST_IDS.maxPerDebit}
          >
            {formatMoney(mandate.maxAmount, locale)}
          </SummaryRow>
        )}
        {customerText && (
          <SummaryRow label={t('summary.customer')}>
            <bdi dir="auto">{customerText}</bdi>
          </SummaryRow>
        )}
        <SummaryRow label={t('summary.orderId')}>
          <bdi dir="auto" className="break-all text-sm tabular-nums">
            {view.orderId}
          </bdi>
        </SummaryRow>
        <SummaryRow label={t('summary.expires')} testId={TEST_IDS.linkExpiry}>
          {formatDateTime(view.expiresAt, locale)}
        </SummaryRow>
      </dl>
    </section>
  )
}
