import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { firstLoad, htmlReferences, staticImports } from './first-load'

describe('htmlReferences', () => {
  it('keeps module scripts, module preloads and style sheets; not icons or data', () => {
    const html = `<head>
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <script type="module" crossorigin src="/assets/index-a.js"></script>
      <link rel="modulepreload" crossorigin href="/assets/vendor-b.js">
      <link rel="stylesheet" crossorigin href="/assets/index-c.css">
      <script type="application/json" id="boot-data">{"kind":"session"}</script>
    </head>`
    expect(htmlReferences(html)).toEqual(['/assets/index-a.js', '/assets/vendor-b.js', '/assets/index-c.css'])
  })
})

describe('staticImports', () => {
  it('finds static imports and re-exports in minified output, not dynamic imports', () => {
    const code = `import{a as e,b as t}from"./react-x.js";import"./side.js";export{c}from'../up.js';const l=()=>import("./lazy.js");`
    expect(staticImports(code)).toEqual(['./react-x.js', './side.js', '../up.js'])
  })
  it('ignores bare and absolute specifiers', () => {
    expect(staticImports(`import"react";import"/abs.js";`)).toEqual([])
  })
})

describe('firstLoad', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('sums the entry, what it imports statically (transitively) and the CSS, but no lazy chunk', () => {
    dir = mkdtempSync(join(tmpdir(), 'first-load-'))
    mkdirSync(join(dir, 'assets'))
    const files: Record<string, string> = {
      'assets/index.js': `import{x}from"./shared.js";const l=()=>import("./lazy.js");`,
      'assets/shared.js': `import"./deep.js";export const x=1;`,
      'assets/deep.js': `console.log("deep")`,
      'assets/lazy.js': 'x'.repeat(5000),
      'assets/index.css': 'body{margin:0}',
    }
    for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body)
    writeFileSync(
      join(dir, 'index.html'),
      '<script type="module" src="/assets/index.js"></script><link rel="stylesheet" href="/assets/index.css">',
    )
    const result = firstLoad(dir)
    expect(result.files.map((f) => f.url).sort()).toEqual(['/assets/deep.js', '/assets/index.css', '/assets/index.js', '/assets/shared.js'])
    const gz = (name: string) => gzipSync(files[name] ?? '', { level: 9 }).length
    expect(result.total).toBe(gz('assets/index.js') + gz('assets/shared.js') + gz('assets/deep.js') + gz('assets/index.css'))
  })
})
