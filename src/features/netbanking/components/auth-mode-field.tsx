import type { Ref } from 'react'
import type { AuthMode, Bank } from '../../../../contract/enach'
import type { Money } from '../../../../contract/money'
import type { EnachLimits } from '../../../../contract/session'
import { enachCatalogs } from '../../../i18n/enach-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { formatMoney } from '../../../lib/format'
import { modeChoices } from '../enach-rules'

interface AuthModeFieldProps {
  bank: Bank | null
  maxAmount: Money
  limits: EnachLimits
  value: AuthMode | ''
  onChange: (mode: AuthMode) => void
  inputRef: Ref<HTMLInputElement>
  errorId: string | null
}

/**
 * How the customer authorises at the bank. Every mode is listed; one the bank lacks, or whose
 * limit is below this mandate's maximum, is disabled with the reason next to it.
 */
export function AuthModeField({ bank, maxAmount, limits, value, onChange, inputRef, errorId }: AuthModeFieldProps) {
  const { t, locale } = useAreaText(enachCatalogs)
  if (!bank) {
    return (
      <fieldset className="flex flex-col gap-2">
        <legend className="text-base font-semibold text-slate-900">{t('enach.mode.legend')}</legend>
        <p className="text-sm text-slate-700">{t('enach.mode.chooseBank')}</p>
      </fieldset>
    )
  }
  const choices = modeChoices(bank, maxAmount, limits)
  const firstOffered = choices.find((choice) => choice.block === null)?.mode
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errorId ?? undefined}>
      <legend className="mb-2 text-base font-semibold text-slate-900">{t('enach.mode.legend')}</legend>
      {choices.map(({ mode, block, limit }) => {
        const id = `auth-mode-${mode}`
        const why =
          block === 'bank_unsupported'
            ? t('enach.mode.unsupported', { bank: bank.name })
            : block === 'above_limit'
              ? t('enach.mode.aboveLimit', { limit: formatMoney(limit, locale), amount: formatMoney(maxAmount, locale) })
              : t(`enach.mode.hint.${mode}`)
        return (
          <div key={mode} className={`flex items-start gap-3 rounded-lg border-2 p-3 ${block ? 'border-slate-300 bg-slate-50' : 'border-slate-500'}`}>
            <input
              ref={mode === (value || firstOffered) ? inputRef : undefined}
              id={id}
              type="radio"
              name="authMode"
              value={mode}
              checked={value === mode}
              disabled={block !== null}
              aria-describedby={`${id}-why`}
              onChange={() => onChange(mode)}
              className="mt-1 h-5 w-5 shrink-0 accent-slate-900"
            />
            <div className="flex flex-col">
              <label htmlFor={id} className={`text-base font-semibold ${block ? 'text-slate-700' : 'text-slate-900'}`}>
                {t(`enach.mode.${mode}`)}
              </label>
              <span id={`${id}-why`} className="text-sm text-slate-700">
                {why}
              </span>
            </div>
          </div>
        )
      })}
    </fieldset>
  )
}
