import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/**
 * The kit as a library for Node: one ES module and one CommonJS file, the contract bundled in,
 * Playwright (a peer), zod and Node's built-ins left as imports. The .d.ts come from tsc.
 */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: fileURLToPath(new URL('dist', import.meta.url)),
    emptyOutDir: true,
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('src/index.ts', import.meta.url)),
      formats: ['es', 'cjs'],
      fileName: (format) => (format === 'es' ? 'index.js' : 'index.cjs'),
    },
    rollupOptions: {
      external: [/^node:/, '@playwright/test', /^zod(\/|$)/],
    },
  },
})
