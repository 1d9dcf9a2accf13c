import { useState } from 'react'
import { ScreenHeading } from '../../../components/ui/screen-heading'
import { upiCatalogs } from '../../../i18n/upi-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import type { ChannelProps } from '../rail-types'
import { CollectExpired } from './collect-expired'
import { CollectWaiting, type CancelControl } from './collect-waiting'
import { VpaForm } from './vpa-form'

/** Collect (iOS, or where the merchant allows it): the UPI ID form, then the wait, cancel and send again. */
export function CollectView({ rail, cancel }: { rail: ChannelProps; cancel: CancelControl }) {
  const { t } = useAreaText(upiCatalogs)
  const { attempt, view, start, starting, setUpMandate } = rail
  // A request sent from this screen takes focus to the wait; one found after a reload leaves it on the heading.
  const [shownFirst] = useState(attempt?.id ?? null)
  const [editing, setEditing] = useState<string | null>(null)
  const send = (vpa: string) => start({ vpa })

  let body
  if (attempt?.status === 'pending') {
    body = <CollectWaiting attempt={attempt} takeFocus={attempt.id !== shownFirst} cancel={cancel} />
  } else if (attempt?.status === 'expired' && editing !== attempt.id) {
    const vpa = attempt.upi?.payerVpa ?? null
    body = (
      <CollectExpired
        sending={starting}
        onSendAgain={vpa ? () => void send(vpa) : null}
        onOtherVpa={() => setEditing(attempt.id)}
      />
    )
  } else {
    body = <VpaForm pageId={view.pageId} setUpMandate={setUpMandate} send={send} sending={starting} />
  }
  return (
    <div className="flex flex-col gap-6">
      <ScreenHeading screen="upi-collect" id="upi-heading">
        {t('upi.collect.heading')}
      </ScreenHeading>
      {body}
    </div>
  )
}
