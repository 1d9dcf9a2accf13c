import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { MessagePanel } from '../../../components/ui/message-panel'
import { ReturnLink } from '../../../components/ui/return-link'

/** The customer cancelled: say nothing was charged, and link back to the merchant's cancel_url (framed: as the return URL would be). */
export function CancelledScreen({ merchantName, cancelUrl }: { merchantName: string; cancelUrl: string | null }) {
  const { t } = useI18n()
  const merchant = { isolate: merchantName }
  return (
    <MessagePanel screen="cancelled" heading={t('state.cancelled.heading')} tone="warning">
      <p>
        <PhraseText phrase={{ key: 'state.cancelled.body', params: { merchant } }} />
      </p>
      {cancelUrl && (
        <ReturnLink href={cancelUrl}>
          <PhraseText phrase={{ key: 'state.returnTo', params: { merchant } }} />
        </ReturnLink>
      )}
    </MessagePanel>
  )
}
