import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  headers: IncomingMessage['headers']
  rawBody: string
  body: unknown
}

/** A merchant's webhook endpoint on loopback, in the test process, that records what it receives. */
export class WebhookReceiver {
  readonly received: ReceivedWebhook[] = []
  private failuresLeft = 0
  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebhookReceiver> {
    const server = createServer()
    const receiver = new WebhookReceiver(server)
    server.on('request', (req: IncomingMessage, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        const rawBody = Buffer.concat(chunks).toString('utf8')
        if (receiver.failuresLeft > 0) {
          receiver.failuresLeft -= 1
          res.writeHead(503).end()
          return
        }
        receiver.received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody) as unknown })
        res.writeHead(200).end('ok')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return receiver
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo
    return `http://127.0.0.1:${port}/webhooks`
  }

  /** Answers 503 to the next `n` deliveries, to exercise retries. */
  failNext(n: number): void {
    this.failuresLeft = n
  }

  /** How many of the failures asked for are still to be answered. */
  get failuresLeftCount(): number {
    return this.failuresLeft
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}
