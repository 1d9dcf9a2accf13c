import { useEffect, useRef } from 'react'
import type { CreatedSession } from './demo-api'
import { demoMessages as m } from './messages'

export function SessionCreated({ session }: { session: CreatedSession }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [session])
  return (
    <section aria-labelledby="created-heading" className="mt-6 rounded-lg border border-emerald-300 bg-emerald-50 p-4">
      <h2 id="created-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {m.created}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4">
        <dt className="font-medium">{m.orderId}</dt>
        <dd className="font-mono break-all">{session.order_id}</dd>
      </dl>
      <a
        href={session.payment_links.web}
        className="mt-4 inline-block rounded-md bg-emerald-800 px-4 py-2 font-medium text-white focus:outline-none focus-visible:ring-4 focus-visible:ring-emerald-400"
      >
        {m.open}
      </a>
    </section>
  )
}
