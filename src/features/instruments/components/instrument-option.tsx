import type { Instrument, UpiChannel } from '../../../../contract/instrument'
import { useI18n } from '../../../i18n/i18n-context'
import { PhraseText } from '../../../i18n/phrase-text'
import { FIRST_OPTION_TIMING, TEST_IDS } from '../../../lib/test-ids'
import { instrumentHint, instrumentLabel, noticeTexts, unavailableText } from '../instrument-text'
import { MandateOptIn } from './mandate-opt-in'

interface InstrumentOptionProps {
  instrument: Instrument
  checked: boolean
  onSelect: () => void
  optIn: boolean
  onOptInChange: (optIn: boolean) => void
  upiChannel: UpiChannel | null
}

/** One radio of the instrument group, with its hint, notices, the reason it is unavailable, and the mandate opt-in. */
export function InstrumentOption({ instrument, checked, onSelect, optIn, onOptInChange, upiChannel }: InstrumentOptionProps) {
  const { t, locale } = useI18n()
  const id = `instrument-${instrument.rail}`
  const unavailable = unavailableText(instrument, locale)
  const notices = noticeTexts(instrument, locale)
  const hintKey = instrumentHint(instrument, upiChannel)
  const hint = hintKey && t(hintKey)
  const describedBy = [
    hint && `${id}-hint`,
    ...notices.map((_, i) => `${id}-notice-${i}`),
    unavailable && `${id}-unavailable`,
  ].filter(Boolean)

  const frame = !instrument.available
    ? 'border-slate-200 bg-slate-50'
    : checked
      ? 'border-(--brand) bg-white'
      : 'border-slate-300 bg-white hover:border-slate-500'
  return (
    <div className={`flex flex-col gap-2 rounded-xl border-2 p-4 ${frame}`}>
      <div className="flex items-center gap-3">
        <input
          type="radio"
          id={id}
          name="instrument"
          value={instrument.rail}
          checked={checked}
          disabled={!instrument.available}
          onChange={onSelect}
          aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
          className="size-5 shrink-0 accent-(--brand)"
        />
        <label
          htmlFor={id}
          // Element Timing: the bench reads when the browser painted the options (docs/budgets.md#time-to-first-option).
          {...{ elementtiming: FIRST_OPTION_TIMING }}
          className={`flex min-h-11 flex-1 items-center text-lg font-semibold ${instrument.available ? 'cursor-pointer text-slate-900' : 'text-slate-600'}`}
        >
          <PhraseText phrase={instrumentLabel(instrument)} />
        </label>
      </div>
      <div className="flex flex-col gap-1 ps-8 text-sm leading-relaxed">
        {hint && (
          <p id={`${id}-hint`} className="text-slate-700" data-testid={instrument.rail === 'upi' ? TEST_IDS.upiChannel : undefined}>
            {hint}
          </p>
        )}
        {notices.map((notice, i) => (
          <p key={notice.key} id={`${id}-notice-${i}`} className="text-amber-900">
            <PhraseText phrase={notice} />
          </p>
        ))}
        {unavailable && (
          <p id={`${id}-unavailable`} className="text-slate-700">
            <PhraseText phrase={unavailable} />
          </p>
        )}
        {checked && instrument.mandate === 'optional' && (
          <MandateOptIn
            id={`${id}-opt-in`}
            label={t(`instruments.optIn.${instrument.rail}`)}
            checked={optIn}
            onChange={onOptInChange}
          />
        )}
      </div>
    </div>
  )
}
