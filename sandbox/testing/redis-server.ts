import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  url: string
  /** Stops the server and removes its working folder. */
  stop(): Promise<void>
}

/** Debian's server unless REDIS_SERVER_PATH names another (.ci/run installs it when missing). */
const serverPath = (): string => process.env['REDIS_SERVER_PATH'] ?? '/usr/bin/redis-server'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))))
    })
  })
}

/** Whether a Redis server answers PING on the port. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    const done = (answered: boolean) => {
      socket.destroy()
      resolve(answered)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8')
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'))
    })
    socket.once('connect', () => socket.write('PING\r\n'))
  })
}

/**
 * A throwaway Redis server for tests and the browser journeys: on a free port of 127.0.0.1,
 * persisting nothing (no RDB snapshot, no append-only file) in a temporary folder that `stop`
 * removes. Resolves once it answers PING.
 */
export async function startRedis(): Promise<RedisServer> {
  for (let tries = 1; ; tries++) {
    const dir = await mkdtemp(join(tmpdir(), 'mc-redis-'))
    const port = await freePort()
    const child = spawn(serverPath(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()))
    const started = new Promise<void>((resolve, reject) => {
      child.once('error', reject)
      child.once('spawn', resolve)
    })
    await started.catch(async (error: unknown) => {
      await rm(dir, { recursive: true, force: true })
      throw new Error(`cannot start ${serverPath()} (install Debian's redis-server, or set REDIS_SERVER_PATH)`, { cause: error })
    })
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      await exited
      await rm(dir, { recursive: true, force: true })
    }
    for (let waited = 0; waited < 10_000 && child.exitCode === null; waited += 50) {
      if (await answersPing(port)) return { url: `redis://127.0.0.1:${port}`, stop }
      await sleep(50)
    }
    await stop()
    // Another process may have taken the port between the probe and the server's start: try another.
    if (tries === 3) throw new Error(`redis-server did not answer on port ${port}:\n${output}`)
  }
}
