/** Whole seconds until `expiresAt`, never negative. The server decides expiry; this is only what the customer sees. */
export function secondsLeft(expiresAt: string, now: number): number {
  return Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000))
}

/** 04:59 — minutes and seconds, both two digits. */
export function formatCountdown(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds))
  const two = (n: number) => String(n).padStart(2, '0')
  return `${two(Math.floor(whole / 60))}:${two(whole % 60)}`
}

export type CountdownCue = { unit: 'minutes' | 'seconds'; value: number }

/**
 * What to tell a screen reader as the countdown runs: once per whole minute and once at 30
 * seconds, never every second. A tick that jumps over a mark (a throttled background tab) still
 * announces, with the time actually left. Null when nothing is worth saying.
 */
export function countdownCue(previous: number | null, current: number): CountdownCue | null {
  if (previous === null || current >= previous || current <= 0) return null
  const crossed = (mark: number) => previous > mark && current <= mark
  // Under a minute left, seconds: a jump from 5:00 to 0:15 (a moved sandbox clock) is 15 seconds, not "1 minute".
  if (crossed(30)) return { unit: 'seconds', value: current }
  const minuteMark = Math.floor((previous - 1) / 60) * 60
  if (minuteMark < 60 || !crossed(minuteMark)) return null
  return current < 60 ? { unit: 'seconds', value: current } : { unit: 'minutes', value: Math.round(current / 60) }
}
