import type { Instrument, UpiChannel } from '../../../../contract/instrument'
import type { Rail } from '../../../../contract/rail'
import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { InstrumentOption } from './instrument-option'

export interface InstrumentSelection {
  rail: Rail | null
  /** For an optional mandate: whether the customer also wants to set it up. */
  optIn: boolean
}

interface InstrumentPickerProps {
  instruments: readonly Instrument[]
  selection: InstrumentSelection
  onChange: (selection: InstrumentSelection) => void
  upiChannel: UpiChannel | null
  merchantName: string
}

/** The offered instruments as one radio group; the selection lives with the caller. */
export function InstrumentPicker({ instruments, selection, onChange, upiChannel, merchantName }: InstrumentPickerProps) {
  const { t } = useI18n()
  const noneAvailable = instruments.every((instrument) => !instrument.available)
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-3 text-lg font-semibold text-slate-900">{t('instruments.legend')}</legend>
      {instruments.map((instrument) => (
        <InstrumentOption
          key={instrument.rail}
          instrument={instrument}
          checked={selection.rail === instrument.rail}
          onSelect={() => onChange({ rail: instrument.rail, optIn: false })}
          optIn={selection.optIn}
          onOptInChange={(optIn) => onChange({ ...selection, optIn })}
          upiChannel={upiChannel}
        />
      ))}
      {noneAvailable && (
        <p className="text-base text-slate-700">
          <PhraseText phrase={{ key: 'instruments.noneAvailable', params: { merchant: { isolate: merchantName } } }} />
        </p>
      )}
    </fieldset>
  )
}
