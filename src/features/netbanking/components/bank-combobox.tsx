import { useEffect, useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react'
import { bankByCode, type Bank } from '../../../../contract/enach'
import { useAnnounce } from '../../../components/ui/announcer'
import { enachCatalogs } from '../../../i18n/enach-catalogs'
import { useAreaText } from '../../../i18n/use-area-text'
import { formatMoney } from '../../../lib/format'
import { bankBlock, searchBanks, type BankBlock, type BankPurpose } from '../enach-rules'
import { useModeNames } from './mode-names'

interface BankComboboxProps {
  /** The chosen bank's code, '' before one is chosen. */
  value: string
  onChange: (code: string) => void
  onBlur: () => void
  purpose: BankPurpose
  inputRef: Ref<HTMLInputElement>
  /** Ids of the field's error message, when it has one. */
  errorId: string | null
}

interface Entry {
  bank: Bank
  block: BankBlock | null
}

/**
 * The bank, picked by typing: an editable combobox with a list popup (WAI-ARIA APG pattern). Focus
 * stays in the text box; arrows move through the list, Enter chooses, Escape closes then clears.
 * With nothing typed the list shows popular banks first. A bank that cannot be used for this
 * payment is listed, marked unavailable, and says why.
 */
export function BankCombobox({ value, onChange, onBlur, purpose, inputRef, errorId }: BankComboboxProps) {
  const { t, locale } = useAreaText(enachCatalogs)
  const modeNames = useModeNames()
  const announce = useAnnounce()
  const id = useId()
  const listId = `${id}-list`
  const chosen = bankByCode(value) ?? null
  const [query, setQuery] = useState(chosen?.name ?? '')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)

  const searching = chosen === null || query !== chosen.name
  const entries = useMemo<Entry[]>(
    () => searchBanks(searching ? query : '').map((bank) => ({ bank, block: bankBlock(bank, purpose) })),
    [query, searching, purpose],
  )
  const grouped = !searching || query.trim() === ''
  const optionId = (code: string) => `${id}-bank-${code}`
  const activeEntry = open ? (entries[active] ?? null) : null

  useEffect(() => {
    if (!open || !searching || query.trim() === '') return
    const timer = setTimeout(() => {
      announce(entries.length === 0 ? t('enach.bank.none') : entries.length === 1 ? t('enach.bank.countOne') : t('enach.bank.count', { n: entries.length }))
    }, 400)
    return () => clearTimeout(timer)
  }, [entries.length, open, searching, query, announce, t])

  useEffect(() => {
    if (activeEntry) document.getElementById(optionId(activeEntry.bank.code))?.scrollIntoView({ block: 'nearest' })
  })

  const choose = (entry: Entry) => {
    if (entry.block) return
    setQuery(entry.bank.name)
    setOpen(false)
    setActive(-1)
    onChange(entry.bank.code)
    announce(t('enach.bank.chosen', { bank: entry.bank.name }))
  }

  const move = (delta: number) => {
    setOpen(true)
    if (entries.length === 0) return
    setActive((current) => {
      if (!open || current < 0) return delta > 0 ? 0 : entries.length - 1
      return (current + delta + entries.length) % entries.length
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') move(1)
    else if (event.key === 'ArrowUp') move(-1)
    else if (event.key === 'Enter' && activeEntry) choose(activeEntry)
    else if (event.key === 'Escape' && open) setOpen(false)
    else if (event.key === 'Escape') {
      setQuery('')
      onChange('')
    } else return
    event.preventDefault()
  }

  const reason = (block: BankBlock) =>
    block.reason === 'no_netbanking'
      ? t('enach.bank.blocked.netbanking')
      : t('enach.bank.blocked.modes', { modes: modeNames(block.modes, 'disjunction'), limit: formatMoney(block.limit, locale) })

  const option = (entry: Entry, index: number) => (
    <li
      key={entry.bank.code}
      id={optionId(entry.bank.code)}
      role="option"
      aria-selected={index === active}
      aria-disabled={entry.block ? true : undefined}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => choose(entry)}
      onMouseMove={() => index !== active && setActive(index)}
      className={`flex cursor-pointer flex-col px-3 py-2 ${index === active ? 'bg-slate-200' : ''} ${entry.block ? 'cursor-not-allowed text-slate-700' : 'text-slate-900'}`}
    >
      <span className="text-base font-semibold">
        {entry.bank.name}
        {entry.bank.code === value && <span aria-hidden="true"> ✓</span>}
      </span>
      {entry.block && <span className="text-sm">{reason(entry.block)}</span>}
    </li>
  )

  const popular = entries.filter((entry) => entry.bank.popular)
  return (
    <div className="relative flex flex-col gap-2">
      <label htmlFor={`${id}-input`} className="text-base font-semibold text-slate-900">
        {t('enach.bank.label')}
      </label>
      <p id={`${id}-hint`} className="text-sm text-slate-700">
        {t('enach.bank.hint')}
      </p>
      <input
        ref={inputRef}
        id={`${id}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeEntry ? optionId(activeEntry.bank.code) : undefined}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId ? `${id}-hint ${errorId}` : `${id}-hint`}
        value={query}
        maxLength={80}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
          setActive(-1)
          if (value !== '') onChange('')
        }}
        onClick={() => setOpen((current) => !current)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false)
          onBlur()
        }}
        className="min-h-12 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-base text-slate-900"
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={t('enach.bank.label')}
        hidden={!open}
        className="max-h-72 overflow-y-auto rounded-lg border-2 border-slate-500 bg-white"
      >
        {entries.length === 0 && (
          <li role="presentation" className="px-3 py-2 text-base text-slate-700">
            {t('enach.bank.none')}
          </li>
        )}
        {grouped && entries.length > 0 ? (
          <>
            <li role="presentation">
              <ul role="group" aria-labelledby={`${id}-popular`}>
                <li role="presentation" id={`${id}-popular`} className="bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-800">
                  {t('enach.bank.popular')}
                </li>
                {popular.map((entry, index) => option(entry, index))}
              </ul>
            </li>
            <li role="presentation">
              <ul role="group" aria-labelledby={`${id}-all`}>
                <li role="presentation" id={`${id}-all`} className="bg-slate-100 px-3 py-1 text-sm font-semibold text-slate-800">
                  {t('enach.bank.all')}
                </li>
                {entries.slice(popular.length).map((entry, index) => option(entry, popular.length + index))}
              </ul>
            </li>
          </>
        ) : (
          entries.map(option)
        )}
      </ul>
    </div>
  )
}
