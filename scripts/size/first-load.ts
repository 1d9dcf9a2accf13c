import { readFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { gzipSync } from 'node:zlib'

/** Root-relative URLs of the scripts, module preloads and style sheets an HTML document loads. */
export function htmlReferences(html: string): string[] {
  const urls: string[] = []
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isScript = /^<script/i.test(tag)
    const rel = /\brel="([^"]*)"/i.exec(tag)?.[1]?.toLowerCase() ?? ''
    const url = (isScript ? /\bsrc="([^"]+)"/i : /\bhref="([^"]+)"/i).exec(tag)?.[1]
    if (url && (isScript || rel === 'modulepreload' || rel === 'stylesheet')) urls.push(url)
  }
  return urls
}

/** Relative specifiers an ES module imports statically (`import … from "./x.js"`, `import "./x.js"`); never `import("./x.js")`. */
export function staticImports(code: string): string[] {
  const found = new Set<string>()
  for (const match of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    if (match[1]) found.add(match[1])
  }
  return [...found]
}

export interface FirstLoad {
  files: { url: string; gzip: number }[]
  total: number
}

/**
 * gzip (level 9) bytes of what the built page's HTML makes the browser fetch before any code runs:
 * its scripts, module preloads and style sheets, and every module those scripts import statically;
 * with `alsoLoaded`, those modules too (a language's catalog, fetched before the first paint).
 */
export function firstLoad(distDir: string, htmlFile = 'index.html', alsoLoaded: readonly string[] = []): FirstLoad {
  const seen = new Set<string>()
  const queue = [...htmlReferences(readFileSync(join(distDir, htmlFile), 'utf8')), ...alsoLoaded]
  const files: FirstLoad['files'] = []
  while (queue.length > 0) {
    const url = queue.shift() ?? ''
    if (seen.has(url) || !url.startsWith('/')) continue
    seen.add(url)
    const body = readFileSync(join(distDir, url))
    files.push({ url, gzip: gzipSync(body, { level: 9 }).length })
    if (url.endsWith('.js')) queue.push(...staticImports(body.toString('utf8')).map((spec) => posix.join(posix.dirname(url), spec)))
  }
  return { files, total: files.reduce((sum, f) => sum + f.gzip, 0) }
}
