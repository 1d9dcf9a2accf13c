import { randomUUID } from 'node:crypto'
import type { Redis } from 'ioredis'
import { connectRedis, DEFAULT_PREFIX } from './redis-store'
import type { Broadcast } from './broadcast'

/**
 * Messages between the instances sharing one Redis, over pub/sub on the channel `<prefix>broadcast`
 * (docs/architecture.md#shared-sandbox). Listening takes a connection of its own, since a
 * subscribed connection runs no other command. Each message carries its sender's id, so an
 * instance never hears its own.
 */
export class RedisBroadcast implements Broadcast {
  private readonly from = randomUUID()
  private readonly listeners = new Set<(message: string) => void>()

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    private readonly channel: string,
  ) {
    subscriber.on('message', (_channel: string, raw: string) => {
      const envelope = envelopeOf(raw)
      if (envelope === null || envelope.from === this.from) return
      for (const listener of this.listeners) listener(envelope.message)
    })
  }

  static async connect(url: string, prefix = DEFAULT_PREFIX): Promise<RedisBroadcast> {
    const publisher = await connectRedis(url)
    const subscriber = await connectRedis(url).catch(async (error: unknown) => {
      await publisher.quit()
      throw error
    })
    const channel = `${prefix}broadcast`
    await subscriber.subscribe(channel)
    return new RedisBroadcast(publisher, subscriber, channel)
  }

  async publish(message: string): Promise<void> {
    await this.publisher.publish(this.channel, JSON.stringify({ from: this.from, message }))
  }

  subscribe(listener: (message: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.listeners.clear()
    await Promise.all([this.publisher.quit(), this.subscriber.quit()])
  }
}

/** A message as instances send it, or null for anything else published on the channel. */
function envelopeOf(raw: string): { from: string; message: string } | null {
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return null
    const { from, message } = parsed as Record<string, unknown>
    return typeof from === 'string' && typeof message === 'string' ? { from, message } : null
  } catch {
    return null
  }
}
