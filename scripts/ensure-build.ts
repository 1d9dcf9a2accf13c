import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Builds the page and its server renderer when either is missing or older than any source they are built from. */
const root = new URL('..', import.meta.url).pathname
const outputs = [join(root, 'dist/page/index.html'), join(root, 'dist/ssr/ssr.js')]
const sources = ['src', 'contract', 'public', 'index.html', 'demo.html', 'vite.config.ts', 'package-lock.json']

function newestMtime(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

const newestSource = Math.max(...sources.filter((s) => existsSync(join(root, s))).map((s) => newestMtime(join(root, s))))
const stale = outputs.some((built) => !existsSync(built) || newestSource > statSync(built).mtimeMs)

if (stale) {
  process.stdout.write('Building the page…\n')
  const vite = join(root, 'node_modules/.bin/vite')
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  execFileSync(vite, ['build', '--ssr', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  for (const mode of ['demo', 'embed']) {
    execFileSync(vite, ['build', '--mode', mode, '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' })
  }
}
