import { useEffect, useState } from 'react'
import { secondsLeft } from './countdown'
import { useSandboxOffset } from './sandbox-clock'

/** Seconds until `expiresAt` on the sandbox's clock, ticking once a second. */
export function useSecondsLeft(expiresAt: string): number {
  const offset = useSandboxOffset()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return secondsLeft(expiresAt, now + offset)
}
