import { useController, useForm, useWatch, type FieldPath } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { ACCOUNT_TYPES, bankByCode, type NetbankingAttemptDetail } from '../../../../contract/enach'
import { Button } from '../../../components/ui/button'
import { enachCatalogs } from '../../../i18n/enach-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import {
  EMPTY_FORM,
  enachFormSchema,
  fieldMessageKey,
  paymentFormSchema,
  serverFieldError,
  toEnachDetails,
  type EnachFieldKey,
  type EnachFormValues,
} from '../enach-form-schema'
import { firstOfferedMode, type BankPurpose } from '../enach-rules'
import type { NetbankingStart } from '../rail-types'
import { AccountNumberField } from './account-number-field'
import { AuthModeField } from './auth-mode-field'
import { BankCombobox } from './bank-combobox'
import { describedBy, FieldFrame, INPUT_CLASS } from './field-frame'

/** The form starts from the last attempt's bank, mode, IFSC and account type, never its account number. */
function startingValues(last: NetbankingAttemptDetail | null): EnachFormValues {
  if (!last) return EMPTY_FORM
  return {
    ...EMPTY_FORM,
    bankCode: last.bankCode,
    authMode: last.authMode,
    ifsc: last.account?.ifsc ?? '',
    accountType: last.account?.accountType ?? EMPTY_FORM.accountType,
  }
}

interface EnachFormProps {
  purpose: BankPurpose
  last: NetbankingAttemptDetail | null
  start: NetbankingStart
}

/**
 * Bank, auth mode and account in one react-hook-form + zod form, checked field by field (and by
 * the sandbox again). Submitting starts the attempt and hands the customer to the bank's page.
 */
export function EnachForm({ purpose, last, start }: EnachFormProps) {
  const { t } = useAreaText(enachCatalogs)
  const mandate = purpose.kind === 'mandate' ? purpose : null
  const { control, register, handleSubmit, setValue, setError, formState } = useForm<EnachFormValues>({
    resolver: zodResolver(mandate ? enachFormSchema(mandate) : paymentFormSchema()) as never,
    defaultValues: startingValues(last),
  })
  const bankCode = useWatch({ control, name: 'bankCode' })
  const bank = bankByCode(bankCode) ?? null
  const bankField = useController({ control, name: 'bankCode' })
  const modeField = useController({ control, name: 'authMode' })
  const account = useController({ control, name: 'accountNumber' })
  const confirm = useController({ control, name: 'accountNumberConfirm' })
  const { errors } = formState
  const errorId = (name: FieldPath<EnachFormValues>) => (errors[name] ? `${name}-error` : null)
  const message = (name: FieldPath<EnachFormValues>, fallback: EnachFieldKey) => {
    const error = errors[name]
    if (!error) return null
    const key = fieldMessageKey(error.message, fallback)
    const text = key === 'enach.ifsc.bank' && bank ? t(key, { bank: bank.name, code: bank.code }) : t(key)
    return (
      <p id={`${name}-error`} className="text-sm font-semibold text-red-700">
        {text}
      </p>
    )
  }

  const onBankChange = (code: string) => {
    bankField.field.onChange(code)
    const chosen = bankByCode(code)
    if (mandate && chosen) setValue('authMode', firstOfferedMode(chosen, mandate.maxAmount, mandate.limits) ?? '')
  }

  const onSubmit = async (values: EnachFormValues) => {
    const details = mandate ? toEnachDetails(values) : null
    const result = await start(details ? { setUpMandate: true, enach: details } : { setUpMandate: false, bankCode: values.bankCode })
    const refusal = result && !result.ok ? serverFieldError(result.failure) : null
    if (refusal) setError(refusal[0], { type: 'server', message: refusal[1] }, { shouldFocus: true })
  }

  return (
    <form method="post" noValidate onSubmit={(event) => void handleSubmit(onSubmit)(event)} className="flex flex-col gap-6">
      <BankCombobox
        value={bankCode}
        onChange={onBankChange}
        onBlur={bankField.field.onBlur}
        purpose={purpose}
        inputRef={bankField.field.ref}
        errorId={errorId('bankCode')}
      />
      {message('bankCode', 'enach.bank.required')}
      {mandate && (
        <>
          <div className="flex flex-col gap-2">
            <AuthModeField
              bank={bank}
              maxAmount={mandate.maxAmount}
              limits={mandate.limits}
              value={modeField.field.value}
              onChange={modeField.field.onChange}
              inputRef={modeField.field.ref}
              errorId={errorId('authMode')}
            />
            {message('authMode', 'enach.mode.required')}
          </div>
          <fieldset className="flex flex-col gap-4">
            <legend className="mb-2 text-base font-semibold text-slate-900">{t('enach.account.legend')}</legend>
            <FieldFrame id="accountHolderName" label={t('enach.holder.label')} hint={t('enach.holder.hint')} error={message('accountHolderName', 'enach.holder.format')}>
              <input
                id="accountHolderName"
                type="text"
                autoComplete="name"
                maxLength={100}
                aria-invalid={errors.accountHolderName ? true : undefined}
                aria-describedby={describedBy('accountHolderName', true, errorId('accountHolderName'))}
                className={INPUT_CLASS}
                {...register('accountHolderName')}
              />
            </FieldFrame>
            <AccountNumberField
              id="accountNumber"
              label={t('enach.account.label')}
              hint={t('enach.account.hint')}
              error={message('accountNumber', 'enach.account.format')}
              errorId={errorId('accountNumber')}
              value={account.field.value}
              onChange={account.field.onChange}
              onBlur={account.field.onBlur}
              inputRef={account.field.ref}
            />
            <AccountNumberField
              id="accountNumberConfirm"
              label={t('enach.confirm.label')}
              hint={null}
              error={message('accountNumberConfirm', 'enach.confirm.mismatch')}
              errorId={errorId('accountNumberConfirm')}
              value={confirm.field.value}
              onChange={confirm.field.onChange}
              onBlur={confirm.field.onBlur}
              inputRef={confirm.field.ref}
            />
            <FieldFrame
              id="ifsc"
              label={t('enach.ifsc.label')}
              hint={t('enach.ifsc.hint', { example: `${bank?.code ?? 'SBIN'}0001234` })}
              error={message('ifsc', 'enach.ifsc.format')}
            >
              <input
                id="ifsc"
                dir="ltr"
                type="text"
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                aria-invalid={errors.ifsc ? true : undefined}
                aria-describedby={describedBy('ifsc', true, errorId('ifsc'))}
                className={`${INPUT_CLASS} font-mono uppercase`}
                {...register('ifsc')}
              />
            </FieldFrame>
            <FieldFrame id="accountType" label={t('enach.type.label')} error={message('accountType', 'enach.type.required')}>
              <select
                id="accountType"
                aria-invalid={errors.accountType ? true : undefined}
                aria-describedby={describedBy('accountType', false, errorId('accountType'))}
                className={INPUT_CLASS}
                {...register('accountType')}
              >
                {ACCOUNT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`enach.type.${type}`)}
                  </option>
                ))}
              </select>
            </FieldFrame>
          </fieldset>
          <p className="text-sm text-slate-700">{t('enach.privacy')}</p>
          <p className="text-sm text-slate-700">{t('enach.sandbox')}</p>
        </>
      )}
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting
            ? t('enach.submitting')
            : bank
              ? t('enach.submit', { bank: bank.name })
              : t('enach.submit.noBank')}
        </Button>
      </div>
    </form>
  )
}
