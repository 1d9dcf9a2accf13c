import { useEffect } from 'react'
import type { ChannelProps } from './rail-types'

/** Intent and QR start their attempt as soon as they are shown: the app list and the QR need its URI. */
export function useAutoStart({ attempt, start, startFailure }: Pick<ChannelProps, 'attempt' | 'start' | 'startFailure'>): void {
  const needed = attempt === null && startFailure === null
  useEffect(() => {
    if (needed) void start()
  }, [needed, start])
}
