import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import boundaries from 'eslint-plugin-boundaries'
import { importX } from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'
import globals from 'globals'

/**
 * The layers (docs/architecture.md). Each folder is one element; the first pattern that matches a
 * file names its element, so the catch-alls `src` and `sandbox` come after the folders inside them.
 */
const ELEMENTS = [
  { type: 'contract', pattern: 'contract' },
  { type: 'page-lib', pattern: 'src/lib' },
  { type: 'page-components', pattern: 'src/components' },
  { type: 'page-i18n', pattern: 'src/i18n' },
  { type: 'page-feature', pattern: 'src/features/*', capture: ['feature'] },
  { type: 'page-app', pattern: 'src/app' },
  { type: 'page-demo', pattern: 'src/demo' },
  { type: 'page-embed', pattern: 'src/embed' },
  { type: 'page-testing', pattern: 'src/testing' },
  { type: 'page-entry', pattern: 'src' },
  { type: 'sandbox-domain', pattern: 'sandbox/domain' },
  { type: 'sandbox-store', pattern: 'sandbox/store' },
  { type: 'sandbox-dialect', pattern: 'sandbox/dialects/*', capture: ['dialect'] },
  { type: 'sandbox-http', pattern: 'sandbox/http' },
  { type: 'sandbox-simulators', pattern: 'sandbox/simulators' },
  { type: 'sandbox-webhooks', pattern: 'sandbox/webhooks' },
  { type: 'sandbox-page-api', pattern: 'sandbox/page-api' },
  { type: 'sandbox-qa', pattern: 'sandbox/qa' },
  { type: 'sandbox-demo', pattern: 'sandbox/demo' },
  { type: 'sandbox-testing', pattern: 'sandbox/testing' },
  { type: 'sandbox-security', pattern: 'sandbox/security' },
  { type: 'sandbox-openapi', pattern: 'sandbox/openapi' },
  { type: 'sandbox-root', pattern: 'sandbox' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'kit', pattern: 'packages/testing' },
  { type: 'scripts', pattern: 'scripts' },
].map((element) => ({ ...element, partialMatch: false }))

/**
 * What a file is, across elements: the files at the sandbox's root differ, tests may reach further.
 * A file no pattern names has no category, so a selector meant to match it lists `null`.
 */
const FILES = [
  { category: 'test', pattern: '**/*.test.{ts,tsx}' },
  { category: 'test-support', pattern: ['sandbox/testing/**', 'src/testing/**'] },
  { category: 'composition-root', pattern: ['sandbox/app.ts', 'sandbox/server.ts', 'sandbox/deps.ts'] },
  { category: 'sandbox-shared', pattern: ['sandbox/log.ts', 'sandbox/merchants.ts', 'sandbox/merchants.json'] },
  { category: 'store-interface', pattern: ['sandbox/store/store.ts', 'sandbox/store/broadcast.ts'] },
  { category: 'dialect-seam', pattern: 'sandbox/dialects/dialect.ts' },
  { category: 'test-id-map', pattern: 'src/lib/test-ids.ts' },
]

const PAGE_SHARED = ['contract', 'page-lib', 'page-components', 'page-i18n']
const PAGE = ['page-lib', 'page-components', 'page-i18n', 'page-feature', 'page-app', 'page-demo', 'page-embed', 'page-testing', 'page-entry']
const SANDBOX = ELEMENTS.map((e) => e.type).filter((type) => type.startsWith('sandbox-'))

const elements = (...types) => ({ element: { type: types } })
/** A file of the sandbox's root (app.ts, deps.ts, log.ts…) of one category. */
const rootFile = (category) => ({ element: { type: 'sandbox-root' }, file: { categories: category } })
/** The deps bundle, as a type: routes take it, only the composition root builds it. */
const DEPS_TYPE = { to: { element: { type: 'sandbox-root' }, file: { path: 'sandbox/deps.ts' } }, dependency: { kind: 'type' } }
const allow = (from, ...to) => ({ from, allow: to.map((entry) => ('to' in entry ? entry : { to: entry })) })
const disallow = (message, from, ...to) => ({ from, disallow: to.map((entry) => ('to' in entry ? entry : { to: entry })), message })

const SANDBOX_SHARED = rootFile('sandbox-shared')
/** The dialect seam (docs/decisions/0009-dialect-owns-its-edge.md): the interface every dialect implements and the rest of the sandbox calls. */
const DIALECT_SEAM = rootFile('dialect-seam')
const STORE_INTERFACE = { to: { element: { type: 'sandbox-store' }, file: { categories: 'store-interface' } }, dependency: { kind: 'type' } }

/**
 * One-way imports. Default: disallowed. The allow-lists come first; the disallows after them name
 * the boundaries that matter most and win over any allow (the last policy that matches decides).
 */
const POLICIES = [
  // Packages and, outside the page, Node's built-ins; any file may import its own element's files.
  { allow: { to: { module: { origin: ['external', 'core'] } } } },
  { allow: { dependency: { relationship: { to: 'internal' } } } },

  // The page: lib, i18n and components below features, features below the app shell.
  allow(elements('page-lib'), elements('contract')),
  allow(elements('page-i18n'), elements('contract', 'page-lib')),
  allow(elements('page-components'), elements('contract', 'page-lib', 'page-i18n')),
  allow(elements('page-feature'), elements(...PAGE_SHARED)),
  allow(elements('page-app'), elements(...PAGE_SHARED, 'page-feature')),
  allow(elements('page-entry'), elements('page-app')),
  allow(elements('page-demo'), elements(...PAGE_SHARED)),
  allow(elements('page-embed'), elements('contract', 'page-lib')),
  allow(elements('page-testing'), elements(...PAGE_SHARED)),
  allow({ element: { type: PAGE }, file: { categories: 'test' } }, elements('page-testing')),

  // The sandbox, bottom up. Its root's log and merchant directory sit below everything.
  allow(SANDBOX_SHARED, elements('contract')),
  allow(elements('sandbox-domain'), elements('contract'), SANDBOX_SHARED, STORE_INTERFACE),
  allow(elements('sandbox-store'), elements('contract', 'sandbox-domain'), SANDBOX_SHARED),
  allow(DIALECT_SEAM, elements('contract', 'sandbox-domain'), SANDBOX_SHARED, DEPS_TYPE),
  allow(elements('sandbox-http'), elements('contract', 'sandbox-domain'), DIALECT_SEAM, SANDBOX_SHARED),
  allow(elements('sandbox-dialect'), elements('contract', 'sandbox-domain', 'sandbox-http'), DIALECT_SEAM, SANDBOX_SHARED, STORE_INTERFACE, DEPS_TYPE),
  allow(elements('sandbox-simulators'), elements('contract', 'sandbox-domain', 'sandbox-http'), SANDBOX_SHARED, STORE_INTERFACE, DEPS_TYPE),
  allow(elements('sandbox-webhooks'), elements('contract', 'sandbox-domain'), DIALECT_SEAM, SANDBOX_SHARED, STORE_INTERFACE, DEPS_TYPE),
  allow(elements('sandbox-page-api'), elements('contract', 'sandbox-domain', 'sandbox-http'), DIALECT_SEAM, SANDBOX_SHARED, STORE_INTERFACE, DEPS_TYPE),
  // The QA controls and the demo merchant's backend answer in the envelope of the dialect the composition root hands them.
  allow(elements('sandbox-qa'), elements('contract', 'sandbox-domain', 'sandbox-http', 'sandbox-webhooks'), DIALECT_SEAM, SANDBOX_SHARED, STORE_INTERFACE, DEPS_TYPE),
  allow(elements('sandbox-demo'), elements('contract', 'sandbox-domain', 'sandbox-http'), DIALECT_SEAM, SANDBOX_SHARED, DEPS_TYPE),
  // The composition root (app.ts, server.ts, deps.ts), the sandbox's test support and its tests see it all.
  allow(rootFile('composition-root'), elements('contract', ...SANDBOX)),
  // The OpenAPI document describes every route, with the schemas the routes parse with: it reads them all, and only the composition root mounts it.
  allow(elements('sandbox-openapi'), elements('contract', 'sandbox-dialect', 'sandbox-page-api', 'sandbox-qa', 'sandbox-simulators'), SANDBOX_SHARED),
  allow(elements('sandbox-testing'), elements('contract', ...SANDBOX)),
  allow({ element: { type: SANDBOX }, file: { categories: 'test' } }, elements('contract', ...SANDBOX)),

  // The QA kit merchants install (docs/decisions/0016-qa-kit-package.md) bundles the contract and nothing else of ours.
  allow(elements('kit'), elements('contract')),
  // e2e drives the page from outside: it shares the contract (the scenario catalogue included), the test ids and the kit, no other code.
  allow(elements('e2e'), elements('contract', 'kit'), { file: { categories: ['test-id-map'] } }),
  // The bench reads the page from outside too: the contract and the test ids (Element Timing's identifier among them).
  allow(elements('scripts'), elements('contract'), { file: { categories: ['test-id-map'] } }),

  disallow('contract imports nothing but zod (its tests aside).', { element: { type: 'contract' }, file: { categories: [null, '!test'] } }, { module: { origin: ['external', 'core'], source: '!zod' } }),
  disallow('The page runs in the browser: no Node built-ins.', elements(...PAGE), { module: { origin: 'core' } }),
  disallow('Nothing in src imports the sandbox.', elements(...PAGE), elements(...SANDBOX)),
  disallow('The sandbox imports only contract from outside sandbox.', elements(...SANDBOX), elements(...PAGE, 'e2e', 'scripts', 'kit')),
  disallow('A feature never imports another feature.', elements('page-feature'), {
    element: { type: 'page-feature', captured: { feature: '!{{ from.element.captured.feature }}' } },
  }),
  disallow('A dialect never imports another dialect.', elements('sandbox-dialect'), {
    element: { type: 'sandbox-dialect', captured: { dialect: '!{{ from.element.captured.dialect }}' } },
  }),
  disallow(
    "The domain imports only contract, the domain, the store interface and the sandbox's log and merchant directory: never simulators, dialects, http, webhooks, the routes or the composition root.",
    elements('sandbox-domain'),
    elements('sandbox-simulators', 'sandbox-dialect', 'sandbox-http', 'sandbox-webhooks', 'sandbox-page-api', 'sandbox-qa', 'sandbox-demo'),
    rootFile('composition-root'),
  ),
  disallow(
    'The domain reaches the store through its interface (store/store.ts); only its tests build the in-memory store.',
    { element: { type: 'sandbox-domain' }, file: { categories: [null, '!test'] } },
    { element: { type: 'sandbox-store' }, file: { categories: [null, '!store-interface'] } },
  ),
  disallow('The store never imports webhooks or dialects.', elements('sandbox-store'), elements('sandbox-webhooks', 'sandbox-dialect')),
  disallow('sandbox/http never imports a dialect, only the dialect seam.', elements('sandbox-http'), elements('sandbox-dialect')),
  disallow('Only the composition root picks dialects: QA, the demo merchant and the page API reach one through the dialect seam.', elements('sandbox-qa', 'sandbox-demo', 'sandbox-page-api'), elements('sandbox-dialect')),
  disallow('sandbox/webhooks never imports a dialect: the dialect shapes its own webhooks.', elements('sandbox-webhooks'), elements('sandbox-dialect')),
  disallow("The sandbox's log and merchant directory import only contract.", SANDBOX_SHARED, rootFile('composition-root')),
  disallow('Only tests import test support.', { file: { categories: [null, '!{test,test-support}'] } }, { file: { categories: 'test-support' } }),
  // The throwaway Redis the store tests start serves the shared-sandbox journeys and the bench too.
  allow(elements('e2e', 'scripts'), { element: { type: 'sandbox-testing' }, file: { path: 'sandbox/testing/redis-server.ts' } }),
]

export default tseslint.config(
  // The cycle fixtures are broken on purpose; scripts/lint/architecture.test.ts lints them.
  // The merchant example is linted and typechecked in its own project, against the packed kit (npm run test:kit).
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results', 'scripts/lint/fixtures', 'examples', 'packages/*/dist', '.stryker-tmp', 'reports'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // A rest sibling is how a key is left out of a copy (`const { secret: _, ...shown } = x`).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML.' },
      ],
    },
  },
  { files: ['eslint.config.js', 'docs/integration/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { boundaries, 'import-x': importX },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'boundaries/legacy-templates': false,
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { typescript: true },
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkAllOrigins: true, checkInternals: true, policies: POLICIES }],
      // Follows lazy import() but not type-only imports; oxlint (.oxlintrc.json, npm run lint:cycles) follows those.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
)
