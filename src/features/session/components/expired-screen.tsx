import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { MessagePanel } from '../../../components/ui/message-panel'

/** The link's time is up: say so, point to the merchant (back to it when it gave a return URL), offer no payment. */
export function ExpiredScreen({ merchantName, returnUrl }: { merchantName: string; returnUrl: string | null }) {
  const { t } = useI18n()
  const merchant = { isolate: merchantName }
  return (
    <MessagePanel screen="expired" heading={t('state.expired.heading')} tone="warning">
      <p>
        <PhraseText phrase={{ key: 'state.expired.body', params: { merchant } }} />
      </p>
      {returnUrl && (
        <a href={returnUrl} className="inline-flex min-h-11 items-center text-base font-semibold text-slate-900 underline">
          <span>
            <PhraseText phrase={{ key: 'state.returnTo', params: { merchant } }} />
          </span>
        </a>
      )}
    </MessagePanel>
  )
}
