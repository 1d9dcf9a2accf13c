import { act, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../contract/session'
import { LOCALES } from '../../contract/values'
import { loadCatalog } from '../i18n/catalogs'
import { en } from '../i18n/en'
import { hi } from '../i18n/hi'
import { rememberLocale } from '../lib/locale-memory'
import { FakeSandbox } from '../testing/fake-sandbox'
import { stopClock, upiAttempt, upiSession } from '../testing/dom'
import { App } from './app'
import { createQueryClient } from './query-client'

function openPage(view: SessionView) {
  const sandbox = new FakeSandbox(view).install()
  render(<App source={{ kind: 'page', pageId: view.pageId, initialData: null }} locale="en" catalog={en} queryClient={createQueryClient()} />)
  return sandbox
}

const switcher = () => screen.findByRole('combobox', { name: 'Language' })

beforeEach(stopClock)

describe('the language switcher', () => {
  it('lists every language in its own script, marked with its language, the page’s own chosen', async () => {
    openPage(upiSession())
    const select = await switcher()
    const options = within(select).getAllByRole('option')
    expect(options.map((option) => option.getAttribute('lang'))).toEqual([...LOCALES])
    expect(options.map((option) => option.textContent)).toContain('हिन्दी')
    expect(within(select).getByRole('option', { name: 'English' })).toHaveProperty('selected', true)
  })

  it('turns the page into Hindi at once, the document’s language and title with it', async () => {
    openPage(upiSession())
    await screen.findByRole('heading', { name: 'Review and pay' })
    await userEvent.selectOptions(await switcher(), 'हिन्दी')
    expect(await screen.findByRole('heading', { name: hi['state.ready.heading'] })).toBeDefined()
    expect(screen.getByRole('combobox', { name: hi['common.language.label'] })).toHaveProperty('value', 'hi')
    expect(document.documentElement.lang).toBe('hi')
    expect(document.documentElement.dir).toBe('ltr')
    expect(document.title).toBe(hi['header.secureCheckout'])
  })

  it('turns the page right to left for Urdu', async () => {
    openPage(upiSession())
    await userEvent.selectOptions(await switcher(), 'اردو')
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'))
    expect(document.documentElement.lang).toBe('ur')
  })

  it('switches the UPI rail’s own words too, mid-wait', async () => {
    openPage(upiSession({ attempt: upiAttempt('qr') }))
    await screen.findByRole('heading', { name: 'Waiting for your approval' })
    await userEvent.selectOptions(await switcher(), 'हिन्दी')
    expect(await screen.findByRole('heading', { name: 'QR कोड स्कैन करें' })).toBeDefined()
  })

  /** The page opened with its session in the document (boot data), once the session's language has had every chance to apply. */
  async function openedWithSessionIn(language: 'hi') {
    const view = upiSession({ language })
    new FakeSandbox(view).install()
    render(<App source={{ kind: 'page', pageId: view.pageId, initialData: view }} locale="en" catalog={en} queryClient={createQueryClient()} />)
    await act(() => loadCatalog(language))
  }

  it('opens in the session’s language when the customer has not chosen one', async () => {
    await openedWithSessionIn('hi')
    expect(await screen.findByRole('heading', { name: hi['state.ready.heading'] })).toBeDefined()
    expect(document.documentElement.lang).toBe('hi')
  })

  it('keeps the customer’s own choice in this tab over the session’s language', async () => {
    rememberLocale('en')
    await openedWithSessionIn('hi')
    expect(screen.getByRole('heading', { name: 'Review and pay' })).toBeDefined()
    expect(document.documentElement.lang).toBe('en')
  })
})
