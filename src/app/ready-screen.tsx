import { Suspense, useMemo, useState } from 'react'
import type { SessionView } from '../../contract/session'
import { useI18n } from '../i18n/i18n-context'
import { ScreenHeading } from '../components/ui/screen-heading'
import { OrderSummary } from '../features/session/components/order-summary'
import { InstrumentPicker, type InstrumentSelection } from '../features/instruments/components/instrument-picker'
import { initialInstrument } from '../features/instruments/instrument-text'
import { deviceClass, pickUpiChannel } from '../features/instruments/upi-channel'
import type { DisclosureInput } from '../features/mandate-disclosure/disclosure'
import { MandateDisclosure } from './lazy-parts'
import { FIRST_STEP, type CheckoutStep } from './checkout-step'

/** Whether the chosen option sets up the mandate, so its terms must be disclosed now. */
function disclosureFor(view: SessionView, selection: InstrumentSelection): DisclosureInput | null {
  if (!view.mandate || !view.createMandate) return null
  const chosen = view.instruments.find((instrument) => instrument.kind === selection.kind) ?? null
  if (view.createMandate === 'OPTIONAL' && !(chosen?.mandate === 'optional' && selection.optIn)) return null
  return {
    merchantName: view.merchant.name,
    terms: view.mandate,
    chargedToday: view.chargedToday,
    registrationRefunded: view.registrationRefunded,
    instrument: chosen && chosen.available ? { kind: chosen.kind, notices: chosen.notices } : null,
  }
}

/** An open session: what is paid, how, and (for a mandate) exactly what is authorised. */
export function ReadyScreen({ view }: { view: SessionView }) {
  const { t } = useI18n()
  // Owned here, in the app shell, so the rail step that follows can read what was chosen.
  const [selection, setSelection] = useState<InstrumentSelection>(() => ({
    kind: initialInstrument(view.instruments, view.preferredInstrument),
    optIn: false,
  }))
  const [step] = useState<CheckoutStep>(FIRST_STEP)
  const upiChannel = useMemo(
    () => pickUpiChannel(view.upiChannelPolicy, deviceClass(navigator.userAgent, navigator.maxTouchPoints)),
    [view.upiChannelPolicy],
  )
  const disclosure = disclosureFor(view, selection)

  return (
    <section aria-labelledby="ready-heading" className="flex flex-col gap-6" data-step={step.name}>
      <ScreenHeading screen="ready" id="ready-heading">
        {t('state.ready.heading')}
      </ScreenHeading>
      <OrderSummary view={view} />
      <InstrumentPicker
        instruments={view.instruments}
        selection={selection}
        onChange={setSelection}
        upiChannel={upiChannel}
        merchantName={view.merchant.name}
      />
      <Suspense fallback={null}>{disclosure && <MandateDisclosure input={disclosure} />}</Suspense>
    </section>
  )
}
