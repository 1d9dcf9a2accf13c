import { useI18n } from '../../../i18n/i18n-context'
import { MessagePanel } from '../../../components/ui/message-panel'

/** The link itself is wrong: no such session, or not a link this page can open. */
export function LinkErrorScreen({ reason }: { reason: 'not_found' | 'malformed' }) {
  const { t } = useI18n()
  const screen = reason === 'not_found' ? 'notFound' : 'malformed'
  return (
    <MessagePanel screen={screen} heading={t(`state.${screen}.heading`)} tone="error">
      <p>{t(`state.${screen}.body`)}</p>
    </MessagePanel>
  )
}
