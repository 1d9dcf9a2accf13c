import { useEffect, useState } from 'react'
import { secondsLeft } from './countdown'

/** Seconds until `expiresAt`, ticking once a second. */
export function useSecondsLeft(expiresAt: string): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return secondsLeft(expiresAt, now)
}
