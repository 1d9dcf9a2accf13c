import { useEffect, useState } from 'react'

/** The longest delay a browser timer takes (about 24.8 days); a later deadline re-arms when it fires. */
const MAX_DELAY = 2 ** 31 - 1

/** Whether `deadline` (an ISO instant) has passed, turning true when it does; false for no deadline. One timer, no ticking. */
export function useDeadlinePassed(deadline: string | null): boolean {
  const [now, setNow] = useState(() => Date.now())
  const at = deadline === null ? null : Date.parse(deadline)
  const passed = at !== null && now >= at
  useEffect(() => {
    if (at === null || passed) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(MAX_DELAY, Math.max(0, at - Date.now())))
    return () => clearTimeout(timer)
  }, [at, passed, now])
  return passed
}
