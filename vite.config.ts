import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

const sandboxPort = Number(process.env['SANDBOX_PORT'] ?? 4000)
const sandbox = `http://127.0.0.1:${sandboxPort}`

/**
 * The checkout page, the demo merchant and the embed script are built separately
 * (`vite build`, `--mode demo`, `--mode embed`): in one build, modules they share would keep the
 * union of what each uses, and the page would load the others' share of them.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss()],
  build:
    mode === 'embed'
      ? {
          outDir: 'dist/page',
          emptyOutDir: false,
          target: 'es2020',
          lib: { entry: 'src/embed/embed.ts', formats: ['iife'], name: 'MandateCheckoutEmbed', fileName: () => 'embed.js' },
        }
      : {
          outDir: 'dist/page',
          emptyOutDir: mode !== 'demo',
          target: 'es2022',
          // Every browser this target runs on supports modulepreload: no polyfill in the entry.
          modulePreload: { polyfill: false },
          rolldownOptions: {
            input: mode === 'demo' ? ['demo.html', 'embed-host.html'] : 'index.html',
            output: {
              // Everything the entry imports statically goes into the entry's one chunk. By default
              // rolldown splits modules the lazy chunks also use (React, the i18n core) into a
              // common chunk, which costs the first load a second request and a second gzip stream.
              codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
            },
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
  test: {
    include: ['contract/**/*.test.ts', 'sandbox/**/*.test.ts', 'src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
}))
