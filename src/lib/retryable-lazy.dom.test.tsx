import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { Component, Suspense, type ComponentType, type ReactNode } from 'react'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { preloadable } from './preloadable'
import { retryableLazy, retryFailedParts } from './retryable-lazy'

/** The page's error boundary in small: a failure shows Retry, which retries the failed parts. */
class Boundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    const retry = () => {
      retryFailedParts()
      this.setState({ failed: false })
    }
    return (
      <button type="button" onClick={retry}>
        Retry
      </button>
    )
  }
}

const greetingModule = { Greeting: ({ name }: { name: string }) => <p>Hello, {name}</p> }

function show(Part: ComponentType<{ name: string }>) {
  render(
    <Boundary>
      <Suspense fallback={<p>Loading</p>}>
        <Part name="Asha" />
      </Suspense>
    </Boundary>,
  )
}

beforeEach(() => {
  // React reports each error a boundary catches on the console.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})

describe('retryableLazy', () => {
  it('renders the component it picks from the loaded module, with its props', async () => {
    show(retryableLazy(() => Promise.resolve(greetingModule), (m) => m.Greeting))
    expect(await screen.findByText('Hello, Asha')).toBeDefined()
  })

  it('keeps a failed load failed, loading nothing more, until the failed parts are retried; then loads again', async () => {
    const load = vi.fn<() => Promise<typeof greetingModule>>().mockRejectedValueOnce(new TypeError('Failed to fetch')).mockResolvedValue(greetingModule)
    show(retryableLazy(load, (m) => m.Greeting))
    await screen.findByRole('button', { name: 'Retry' })
    expect(load).toHaveBeenCalledTimes(1)

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }))
    expect(await screen.findByText('Hello, Asha')).toBeDefined()
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('fails again, once, when the retried load fails too', async () => {
    const load = vi.fn<() => Promise<typeof greetingModule>>().mockRejectedValue(new TypeError('Failed to fetch'))
    show(retryableLazy(load, (m) => m.Greeting))
    await userEvent.click(await screen.findByRole('button', { name: 'Retry' }))
    await screen.findByRole('button', { name: 'Retry' })
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('leaves a part that loaded alone when the failed parts are retried', async () => {
    const load = vi.fn(() => Promise.resolve(greetingModule))
    const Part = retryableLazy(load, (m) => m.Greeting)
    show(Part)
    await screen.findByText('Hello, Asha')
    retryFailedParts()
    show(Part)
    expect(await screen.findAllByText('Hello, Asha')).toHaveLength(2)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('renders a module that has already arrived in the same pass, without the fallback', async () => {
    const part = preloadable(() => Promise.resolve(greetingModule))
    await part.preload()
    show(retryableLazy(part.load, (m) => m.Greeting))
    expect(screen.getByText('Hello, Asha')).toBeDefined()
    expect(screen.queryByText('Loading')).toBeNull()
  })
})
