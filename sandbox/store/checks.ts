import type { ScheduledJob } from './store'

/**
 * The argument checks both stores make alike, so a caller's mistake is the same error on either
 * (a NaN due time would otherwise never come due in memory and be refused by Redis).
 */
export function checkJob(job: ScheduledJob): void {
  if (job.id === '') throw new RangeError('a job needs an id')
  if (!Number.isFinite(job.dueAt)) throw new RangeError(`job ${job.id}: dueAt must be a finite number of milliseconds`)
}

export function checkClaim(dueBy: number, leaseMs: number, limit: number): void {
  if (!Number.isFinite(dueBy)) throw new RangeError('claimDue: dueBy must be a finite number of milliseconds')
  if (!Number.isInteger(leaseMs) || leaseMs <= 0) throw new RangeError('claimDue: leaseMs must be a positive whole number')
  if (!Number.isInteger(limit) || limit <= 0) throw new RangeError('claimDue: limit must be a positive whole number')
}

export function checkNext(next: { dueAt: number } | undefined): void {
  if (next !== undefined && !Number.isFinite(next.dueAt)) throw new RangeError('finishJob: next.dueAt must be a finite number of milliseconds')
}


export function checkClock(offsetMs: number): void {
  if (!Number.isSafeInteger(offsetMs)) throw new RangeError('advanceClock: offsetMs must be a whole number of milliseconds')
}

export function checkNextDue(dueBy: number, leaseMs: number): void {
  checkClaim(dueBy, leaseMs, 1)
}
