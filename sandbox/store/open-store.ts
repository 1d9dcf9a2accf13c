import type { RetentionPolicy } from '../domain/retention'
import { MemoryBroadcast } from './memory-broadcast'
import { MemoryStore } from './memory-store'
import { RedisBroadcast } from './redis-broadcast'
import { DEFAULT_PREFIX, RedisStore } from './redis-store'
import type { Broadcast } from './broadcast'
import type { Store } from './store'

export interface OpenStoreOptions {
  /** The sandbox's clock, which retention is measured on. */
  now?: () => Date
  retention?: RetentionPolicy
}

/**
 * The store and broadcast the environment asks for (docs/architecture.md#shared-sandbox): on Redis
 * when REDIS_URL is set, its keys under REDIS_PREFIX (default `mc:`), failing at once when Redis does
 * not answer; otherwise in this process's memory, as `npm start` needs nothing else.
 */
export async function openStore(env: Record<string, string | undefined>, options: OpenStoreOptions = {}): Promise<{ store: Store; broadcast: Broadcast }> {
  const url = env['REDIS_URL']
  if (url === undefined || url === '') return { store: new MemoryStore(options), broadcast: new MemoryBroadcast() }
  const prefix = env['REDIS_PREFIX'] || DEFAULT_PREFIX
  const store = await RedisStore.connect(url, { ...options, prefix })
  try {
    return { store, broadcast: await RedisBroadcast.connect(url, prefix) }
  } catch (error) {
    await store.close()
    throw error
  }
}
