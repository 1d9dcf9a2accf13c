import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { MessagePanel } from '../../../components/ui/message-panel'

/** The link's time is up: say so, point to the merchant, offer no payment. */
export function ExpiredScreen({ merchantName }: { merchantName: string }) {
  const { t } = useI18n()
  return (
    <MessagePanel screen="expired" heading={t('state.expired.heading')} tone="warning">
      <p>
        <PhraseText phrase={{ key: 'state.expired.body', params: { merchant: { isolate: merchantName } } }} />
      </p>
    </MessagePanel>
  )
}
