import { Suspense } from 'react'
import type { UpiChannel } from '../../contract/instrument'
import type { SessionView } from '../../contract/session'
import { useI18n } from '../i18n/i18n-context'
import { ScreenHeading } from '../components/ui/screen-heading'
import { OrderSummary } from '../features/session/components/order-summary'
import { InstrumentPicker, type InstrumentSelection } from '../features/instruments/components/instrument-picker'
import { instrumentLabel } from '../features/instruments/instrument-text'
import { PhraseText } from '../i18n/phrase-text'
import { Button } from '../components/ui/button'
import type { DisclosureInput } from '../features/mandate-disclosure/disclosure'
import { useDeadlinePassed } from '../lib/use-deadline-passed'
import { MandateDisclosure, PlanChangeSection, PriceScheduleSection } from './lazy-disclosure'
import { setsUpMandate } from './checkout-step'

/** Whether the chosen option sets up the mandate, so its terms must be disclosed now. */
function disclosureFor(view: SessionView, selection: InstrumentSelection): DisclosureInput | null {
  if (!view.mandate || !view.createMandate) return null
  const chosen = view.instruments.find((instrument) => instrument.rail === selection.rail) ?? null
  if (view.createMandate === 'OPTIONAL' && !(chosen?.mandate === 'optional' && selection.optIn)) return null
  return {
    merchantName: view.merchant.name,
    terms: view.mandate,
    chargedToday: view.chargedToday,
    registrationRefunded: view.registrationRefunded,
    instrument: chosen && chosen.available ? { rail: chosen.rail, notices: chosen.notices } : null,
  }
}

interface ReadyScreenProps {
  view: SessionView
  selection: InstrumentSelection
  onSelectionChange: (selection: InstrumentSelection) => void
  /** The UPI channel this customer gets (device, merchant policy, override); null when none is allowed. */
  upiChannel: UpiChannel | null
  /** Moves on to the chosen rail; null when it cannot start (nothing offered chosen, or UPI with no channel allowed). */
  onContinue: (() => void) | null
}

/** An open session: what is paid (for a plan change, what changes), how, and (for a mandate) exactly what is authorised. */
export function ReadyScreen({ view, selection, onSelectionChange, upiChannel, onContinue }: ReadyScreenProps) {
  const { t } = useI18n()
  const disclosure = disclosureFor(view, selection)
  const mandate = setsUpMandate(view, selection) ? 'required' : 'none'
  // A plan change's quote holds until its expiry; after it, nothing can be paid (the section says so).
  const quoteExpired = useDeadlinePassed(view.planChange?.quoteExpiresAt ?? null)

  return (
    <section aria-labelledby="ready-heading" className="flex flex-col gap-6">
      <ScreenHeading screen="ready" id="ready-heading">
        {t('state.ready.heading')}
      </ScreenHeading>
      <OrderSummary view={view} />
      <Suspense fallback={null}>
        {view.planChange ? (
          <PlanChangeSection change={view.planChange} merchantName={view.merchant.name} />
        ) : (
          view.schedule && <PriceScheduleSection schedule={view.schedule} merchantName={view.merchant.name} />
        )}
      </Suspense>
      <InstrumentPicker
        instruments={view.instruments}
        selection={selection}
        onChange={onSelectionChange}
        upiChannel={upiChannel}
        merchantName={view.merchant.name}
      />
      <Suspense fallback={null}>{disclosure && <MandateDisclosure input={disclosure} />}</Suspense>
      {onContinue && selection.rail && !quoteExpired && (
        <Button onClick={onContinue}>
          <PhraseText
            phrase={{ key: 'instruments.continue', params: { instrument: instrumentLabel({ rail: selection.rail, mandate }) } }}
          />
        </Button>
      )}
    </section>
  )
}
