import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText, renderPhrase } from '../../../i18n/phrase-text'
import { planChangeCatalogs } from '../../../i18n/plan-change-catalogs'
import { MessagePanel } from '../../../components/ui/message-panel'
import { ReturnLink } from '../../../components/ui/return-link'

interface ExpiredScreenProps {
  merchantName: string
  returnUrl: string | null
  /** The session paid for a plan change: its quote expired with it, and the words say so, as the ready screen's countdown did. */
  planChange: boolean
}

/** The link's time is up: say so, point to the merchant (back to it when it gave a return URL), offer no payment. */
export function ExpiredScreen({ merchantName, returnUrl, planChange }: ExpiredScreenProps) {
  const { t, locale } = useI18n()
  const merchant = { isolate: merchantName }
  return (
    <MessagePanel screen="expired" heading={t('state.expired.heading')} tone="warning">
      <p>
        {planChange ? (
          renderPhrase({ key: 'planChange.quote.expired', params: { merchant } }, planChangeCatalogs[locale])
        ) : (
          <PhraseText phrase={{ key: 'state.expired.body', params: { merchant } }} />
        )}
      </p>
      {returnUrl && (
        <ReturnLink href={returnUrl}>
          <PhraseText phrase={{ key: 'state.returnTo', params: { merchant } }} />
        </ReturnLink>
      )}
    </MessagePanel>
  )
}
