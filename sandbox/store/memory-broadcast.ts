import type { Broadcast } from './broadcast'

/**
 * The broadcast of a sandbox that runs as one process on the in-memory store: there is no other
 * instance to tell or to hear from, so a message goes nowhere and no listener is ever called.
 */
export class MemoryBroadcast implements Broadcast {
  publish(): Promise<void> {
    return Promise.resolve()
  }

  subscribe(): () => void {
    return () => {}
  }

  close(): Promise<void> {
    return Promise.resolve()
  }
}
