/**
 * Order changes passed between the instances sharing one store, so a page whose live stream is open
 * on one instance hears of an approval another handled.
 */
export interface Broadcast {
  publish(message: string): Promise<void>
  /** Hears messages other instances publish (never this instance's own). */
  subscribe(listener: (message: string) => void): () => void
  close(): Promise<void>
}
