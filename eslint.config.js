import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

/** One-way imports (architecture.md): each layer may only reach the layers listed for it. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })
const NODE_BUILTINS = { group: ['node:*'], message: 'The page runs in the browser: no Node built-ins.' }

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
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
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Never inject HTML.' },
      ],
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    files: ['contract/**/*.ts'],
    rules: restrict([{ regex: String.raw`^(?!zod(/mini)?$|\./)`, message: 'contract imports nothing but zod.' }]),
  },
  {
    files: ['src/lib/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/i18n/**/*.{ts,tsx}'],
    rules: restrict([
      NODE_BUILTINS,
      { group: ['**/sandbox/**', '**/features/**', '**/app/**'], message: 'lib, components and i18n sit below features and app.' },
    ]),
  },
  {
    files: ['src/features/*/**/*.{ts,tsx}'],
    rules: restrict([
      NODE_BUILTINS,
      { group: ['**/sandbox/**', '**/app/**'], message: 'Features never import the sandbox or the app shell.' },
      // From features/x/file.ts, ../../lib, ../../components, ../../i18n and ../../testing (test fixtures) are shared layers, not features.
      { regex: String.raw`^\.\./\.\./(?!\.\.|lib/|components/|i18n/|testing/)[a-z-]+/`, message: 'A feature never imports another feature.' },
      { regex: String.raw`^\.\./(?!\.\.)[a-z-]+/(api|components)`, message: 'A feature never imports another feature.' },
    ]),
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/features/**'],
    rules: restrict([NODE_BUILTINS, { group: ['**/sandbox/**'], message: 'Nothing in src imports the sandbox.' }]),
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: restrict([{ group: ['**/src/**', '**/e2e/**'], message: 'The sandbox imports only contract.' }]),
  },
)
