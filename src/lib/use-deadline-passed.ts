import { useEffect, useState } from 'react'
import { useSandboxOffset } from './sandbox-clock'

/** The longest delay a browser timer takes (about 24.8 days); a later deadline re-arms when it fires. */
const MAX_DELAY = 2 ** 31 - 1

/**
 * Whether `deadline` (an ISO instant) has passed on the sandbox's clock, turning true when it
 * does; false for no deadline. One timer, no ticking.
 */
export function useDeadlinePassed(deadline: string | null): boolean {
  const offset = useSandboxOffset()
  const [now, setNow] = useState(() => Date.now())
  const at = deadline === null ? null : Date.parse(deadline)
  const passed = at !== null && now + offset >= at
  useEffect(() => {
    if (at === null || passed) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_DELAY, Math.max(0, at - offset - Date.now())))
    return () => clearTimeout(timer)
  }, [at, passed, now, offset])
  return passed
}
