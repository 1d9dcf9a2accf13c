import { useEffect } from 'react'
import type { NetbankingAttemptView } from '../../../../contract/attempt'
import type { NetbankingAttemptDetail } from '../../../../contract/enach'
import { Button } from '../../../components/ui/button'
import { useAnnounce } from '../../../components/ui/announcer'
import { enachCatalogs } from '../../../i18n/enach-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { formatDateTime } from '../../../lib/format'

/** Bank, masked account and auth mode of the open request. */
function RequestDetails({ detail }: { detail: NetbankingAttemptDetail }) {
  const { t } = useAreaText(enachCatalogs)
  // The bank's name is in its own script; the masked account number reads left to right in any language.
  const rows: { label: string; value: string; dir?: 'auto' | 'ltr' }[] = [
    { label: t('enach.details.bank'), value: detail.bankName, dir: 'auto' },
    ...(detail.account ? [{ label: t('enach.details.account'), value: detail.account.numberMasked, dir: 'ltr' as const }] : []),
    { label: t('enach.details.mode'), value: t(`enach.mode.${detail.authMode}`) },
  ]
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-base">
      {rows.map(({ label, value, dir }) => (
        <div key={label} className="contents">
          <dt className="text-slate-700">{label}</dt>
          <dd className="font-semibold text-slate-900">{dir ? <bdi dir={dir}>{value}</bdi> : value}</dd>
        </div>
      ))}
    </dl>
  )
}

interface AtBankPanelProps {
  attempt: NetbankingAttemptView
  detail: NetbankingAttemptDetail
  onContinue: (bankUrl: string) => void
  onCancel: () => void
  cancelling: boolean
}

/** Back from the bank without finishing: the request is still open there, to finish or to cancel. */
export function AtBankPanel({ attempt, detail, onContinue, onCancel, cancelling }: AtBankPanelProps) {
  const { t, locale } = useAreaText(enachCatalogs)
  return (
    <div className="flex flex-col gap-4 rounded-xl border border-slate-300 bg-slate-50 p-4">
      <p className="text-base text-slate-900">{t('enach.atBank.body', { bank: detail.bankName })}</p>
      <RequestDetails detail={detail} />
      <p className="text-sm text-slate-700">{t('enach.atBank.until', { time: formatDateTime(attempt.expiresAt, locale) })}</p>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => onContinue(detail.bankUrl)} disabled={cancelling}>
          {t('enach.atBank.continue', { bank: detail.bankName })}
        </Button>
        <button
          type="button"
          onClick={onCancel}
          disabled={cancelling}
          className="min-h-12 rounded-xl border-2 border-slate-900 px-6 text-base font-semibold text-slate-900 disabled:cursor-not-allowed"
        >
          {t('enach.atBank.cancel')}
        </button>
      </div>
    </div>
  )
}

/** The customer authorised; the bank has yet to confirm. The live session brings the answer. */
export function ConfirmingPanel({ attempt, detail }: { attempt: NetbankingAttemptView; detail: NetbankingAttemptDetail }) {
  const { t } = useAreaText(enachCatalogs)
  const announce = useAnnounce()
  useEffect(() => announce(t('enach.confirming.announce')), [attempt.id, announce, t])
  return (
    <div role="status" className="flex flex-col gap-4 rounded-xl border border-slate-300 bg-slate-50 p-4">
      <div className="flex items-center gap-3">
        <span aria-hidden="true" className="h-5 w-5 animate-spin rounded-full border-4 border-slate-300 border-t-slate-900 motion-reduce:animate-none" />
        <p className="text-base text-slate-900">{t('enach.confirming.body', { bank: detail.bankName })}</p>
      </div>
      <RequestDetails detail={detail} />
    </div>
  )
}
