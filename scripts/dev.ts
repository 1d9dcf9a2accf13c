import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

/** The page with hot reload on :5173 and the sandbox behind it on :4000, whose links point at :5173. */
const root = new URL('..', import.meta.url).pathname
const bin = (name: string) => join(root, 'node_modules/.bin', name)
const children: ChildProcess[] = [
  spawn(bin('tsx'), ['watch', 'sandbox/server.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PORT: '4000', PUBLIC_URL: 'http://127.0.0.1:5173' },
  }),
  spawn(bin('vite'), [], { cwd: root, stdio: 'inherit', env: { ...process.env, SANDBOX_PORT: '4000' } }),
]

const stop = () => {
  for (const child of children) child.kill('SIGTERM')
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
for (const child of children) child.on('exit', stop)
