import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'

/** What the bench reads of Linux processes from /proc; each answer is null where /proc is not there. */

const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100

interface Stat {
  command: string
  parent: number
  cpuMs: number
}

/** /proc/<pid>/stat: the command name in parentheses, then the parent (field 4), utime and stime (fields 14 and 15). */
function stat(pid: number): Stat | null {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return null
  }
  const close = text.lastIndexOf(')')
  const fields = text.slice(close + 2).split(' ')
  return {
    command: text.slice(text.indexOf('(') + 1, close),
    parent: Number(fields[1]),
    cpuMs: ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS,
  }
}

/** CPU time (user + system) a process has used so far, in ms. */
export function processCpuMs(pid: number | undefined): number | null {
  return pid === undefined ? null : (stat(pid)?.cpuMs ?? null)
}

/** VmRSS of a process, from /proc/<pid>/status, in MB. */
export function processRssMb(pid: number | undefined): number | null {
  if (pid === undefined || !existsSync(`/proc/${pid}/status`)) return null
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : null
}

/**
 * CPU time, in ms, used so far by each of this process's descendants whose command `matches` (a
 * browser's processes, say), by pid: compare two readings pid by pid, since a process that exits
 * between them takes its time with it.
 */
export function descendantsCpuMs(matches: RegExp): Map<number, number> | null {
  if (!existsSync('/proc/self/stat')) return null
  const all = new Map<number, Stat>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const found = stat(Number(entry))
    if (found) all.set(Number(entry), found)
  }
  const descends = (pid: number): boolean => {
    for (let parent = all.get(pid)?.parent; parent !== undefined && parent > 1; parent = all.get(parent)?.parent) {
      if (parent === process.pid) return true
    }
    return false
  }
  const cpu = new Map<number, number>()
  for (const [pid, found] of all) if (matches.test(found.command) && descends(pid)) cpu.set(pid, found.cpuMs)
  return cpu
}
