import { useState } from 'react'
import type { CreatedSession } from './demo-api'
import { DemoForm } from './demo-form'
import { SessionCreated } from './session-created'
import { demoMessages as m } from './messages'

/** The embedded demo runs on the next port, so the checkout is framed from another origin. */
function embeddedDemoUrl(): string {
  const url = new URL(window.location.href)
  url.port = String(Number(url.port || '80') + 1)
  url.pathname = '/'
  return url.toString()
}

export function DemoPage() {
  const [created, setCreated] = useState<CreatedSession | null>(null)
  return (
    <main className="mx-auto max-w-2xl p-4 sm:p-8 text-slate-900">
      <h1 className="text-2xl font-semibold">{m.title}</h1>
      <p className="mt-2 text-slate-700">{m.intro}</p>
      <section aria-labelledby="embedded-heading" className="mt-6">
        <h2 id="embedded-heading" className="text-lg font-semibold">
          {m.embeddedHeading}
        </h2>
        <p className="mt-1 text-slate-700">{m.embeddedIntro}</p>
        <p className="mt-1">
          <a className="text-sky-800 underline" href={embeddedDemoUrl()}>
            {m.embedded}
          </a>
        </p>
      </section>
      <section aria-labelledby="redirect-heading" className="mt-6">
        <h2 id="redirect-heading" className="text-lg font-semibold">
          {m.redirectHeading}
        </h2>
        <p className="mt-1 text-slate-700">{m.redirectIntro}</p>
        <DemoForm onCreated={setCreated} />
        {created && <SessionCreated session={created} />}
      </section>
    </main>
  )
}
