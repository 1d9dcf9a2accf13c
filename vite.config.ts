import { configDefaults, defineConfig } from 'vitest/config'
import type { Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { EMBED_SCRIPT_VERSION } from './contract/embed-protocol.ts'
import { precompress } from './scripts/build/precompress.ts'

/** The page's component and hook tests, which run in a DOM. */
const DOM_TESTS = 'src/**/*.dom.test.tsx'

const sandboxPort = Number(process.env['SANDBOX_PORT'] ?? 4000)
const sandbox = `http://127.0.0.1:${sandboxPort}`

/**
 * `<link rel="modulepreload">` in the page's HTML for the lazy chunks of `modules` (and the chunks
 * they import), so the browser fetches them alongside the entry instead of after it has run: one
 * round trip for the whole first view. They stay separate chunks, loaded on their own elsewhere.
 */
function preloadWithEntry(modules: readonly string[]): Plugin {
  return {
    name: 'preload-with-entry',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk: entry }) {
        if (!bundle || !entry) return []
        const chunks = Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? [c] : []))
        const loaded = new Set([entry.fileName, ...entry.imports])
        const wanted = chunks.filter((c) => modules.some((m) => c.facadeModuleId?.endsWith(m)))
        if (wanted.length !== modules.length) throw new Error(`preload-with-entry: no chunk for some of ${modules.join(', ')}`)
        const files = new Set(wanted.flatMap((c) => [c.fileName, ...c.imports]).filter((f) => !loaded.has(f)))
        return [...files].map((file) => ({
          tag: 'link',
          attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
          injectTo: 'head' as const,
        }))
      },
    },
  }
}

/**
 * The checkout page, the demo merchant and the embed script are built separately
 * (`vite build`, `--mode demo`, `--mode embed`): in one build, modules they share would keep the
 * union of what each uses, and the page would load the others' share of them. `vite build --ssr`
 * builds the page's server renderer (src/ssr.tsx) into dist/ssr/, which the sandbox imports.
 */
export default defineConfig(({ mode, isSsrBuild }) => ({
  plugins: [
    react(),
    tailwindcss(),
    // The mandate disclosure shows under the options on the first view of a mandate session.
    ...(mode === 'production' && !isSsrBuild ? [preloadWithEntry(['src/features/mandate-disclosure/components/mandate-disclosure.tsx'])] : []),
    // What the browser downloads is compressed once here, not on every request.
    ...(isSsrBuild ? [] : [precompress()]),
  ],
  build: isSsrBuild
    ? {
        outDir: 'dist/ssr',
        emptyOutDir: true,
        target: 'node20',
        copyPublicDir: false,
        rolldownOptions: { input: 'src/ssr.tsx' },
      }
    : mode === 'embed'
      ? {
          outDir: 'dist/page',
          emptyOutDir: false,
          target: 'es2020',
          lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'MandateCheckoutEmbed', fileName: () => 'embed.js' },
          // The script's version, where a merchant reading the file sees it first (docs/embed-changelog.md); after minifying, which drops a plain banner.
          rolldownOptions: { output: { postBanner: `/*! mandate-checkout embed.js ${EMBED_SCRIPT_VERSION} */` } },
        }
      : {
          outDir: 'dist/page',
          emptyOutDir: mode !== 'demo',
          target: 'es2022',
          // Every browser this target runs on supports modulepreload: no polyfill in the entry.
          modulePreload: { polyfill: false },
          // The sandbox reads which chunk holds which module, to preload a server-rendered screen's lazy parts.
          manifest: mode !== 'demo',
          rolldownOptions: {
            input: mode === 'demo' ? ['demo.html', 'embed-host.html'] : 'index.html',
            // Everything the checkout's entry imports statically goes into the entry's one chunk. By
            // default rolldown splits modules the lazy chunks also use (React, the i18n core) into a
            // common chunk, which costs the first load a second request and a second gzip stream.
            // (The demo build has two entries, which must not share one chunk of both.)
            output: mode === 'demo' ? {} : { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
          },
        },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': sandbox,
      '/session': sandbox,
      '/v1': sandbox,
      '/sandbox': sandbox,
      '/simulator': sandbox,
      '/demo/api': sandbox,
      '^/orders/[^/]+$': sandbox,
      '/healthz': sandbox,
    },
  },
  // Two projects in one `vitest run`: everything in Node, and the page's component and hook tests
  // (`*.dom.test.tsx`) in jsdom with Testing Library (docs/decisions/0017-component-tests.md).
  test: {
    // Files and tests run in a new random order each time (the seed is printed first; rerun one order
    // with `--sequence.seed=N`), so a test that leans on another's leftovers fails instead of hiding
    // (docs/architecture.md#what-ci-costs).
    sequence: { shuffle: true },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['contract/**/*.test.ts', 'packages/*/src/**/*.test.ts', 'sandbox/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: [...configDefaults.exclude, DOM_TESTS],
          environment: 'node',
          // The files share each worker's modules instead of importing the sandbox afresh for each
          // one: `vitest run` took about 250 s on two cores with a fresh import per file, about 85 s
          // without (docs/architecture.md#what-ci-costs). Every test builds its own app, store and
          // clock, and whatever a test stubs it restores.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: [DOM_TESTS],
          environment: 'jsdom',
          // The QR code's encoder loads after its screen is drawn, so a test that ends on that
          // screen could leave the load running into the file's teardown, where it fails. Loaded
          // before the tests, it is ready for each one, as in a browser that has it cached.
          setupFiles: ['src/testing/dom-setup.ts', 'src/features/upi/qr-drawing.ts'],
          // The first test to reach a lazily loaded screen waits for its modules to be transformed,
          // seconds on a busy two-core machine: a test is only given up on well past that.
          testTimeout: 30_000,
        },
      },
    ],
  },
}))
