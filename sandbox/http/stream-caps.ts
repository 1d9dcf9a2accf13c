/**
 * Counts open live-status streams per order and per client address, and refuses one over either
 * cap, so one runaway test (a page reloaded in a loop, tabs never closed) cannot hold every stream.
 */
export class StreamCaps {
  private readonly byOrder = new Map<string, number>()
  private readonly byClient = new Map<string, number>()

  constructor(
    private readonly perOrder: number,
    private readonly perClient: number,
  ) {}

  /** Counts a new stream and answers its release (call once, when it ends), or null when a cap is reached. */
  open(orderId: string, client: string | undefined): (() => void) | null {
    if ((this.byOrder.get(orderId) ?? 0) >= this.perOrder) return null
    if (client !== undefined && (this.byClient.get(client) ?? 0) >= this.perClient) return null
    bump(this.byOrder, orderId, 1)
    if (client !== undefined) bump(this.byClient, client, 1)
    let released = false
    return () => {
      if (released) return
      released = true
      bump(this.byOrder, orderId, -1)
      if (client !== undefined) bump(this.byClient, client, -1)
    }
  }
}

function bump(counts: Map<string, number>, key: string, by: number): void {
  const next = (counts.get(key) ?? 0) + by
  if (next <= 0) counts.delete(key)
  else counts.set(key, next)
}
