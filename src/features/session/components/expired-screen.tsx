import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { MessagePanel } from '../../../components/ui/message-panel'
import { ReturnLink } from '../../../components/ui/return-link'

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
        <ReturnLink href={returnUrl}>
          <PhraseText phrase={{ key: 'state.returnTo', params: { merchant } }} />
        </ReturnLink>
      )}
    </MessagePanel>
  )
}
