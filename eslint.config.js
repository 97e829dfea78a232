import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const REACT = { group: ['react', 'react-*', 'react/*', 'react-dom/*'], message: 'Only the UI renders.' };
const SDKS = { group: ['openai', 'openai/*', '@anthropic-ai/*', '@google/*'], message: 'Only the adapters use SDKs.' };
const STATE = { group: ['zustand', 'zustand/*', 'dexie'], message: 'Only the store holds state and storage.' };

/**
 * The layers (docs/architecture.md): which folders a layer may import from. A path is resolved first, so
 * `../../store/x.ts` and `./x.ts` are judged by the file they name; `import()` counts like a static import.
 * Libraries are not paths and are limited separately (no-restricted-imports).
 */
function layer(target, zones) {
  return [
    'error',
    {
      zones: [
        ...zones.map(({ from, except, why }) => ({
          target: `./src/${target}`,
          from: `./src/${from}`,
          ...(except ? { except } : {}),
          message: why,
        })),
        { target: `./src/${target}`, from: './server', message: NO_SERVER },
      ],
    },
  ];
}
const INNER_ONLY = 'Dependencies point inwards: ui → store → formats, adapters → core.';
const STORE_API = 'The UI reaches the store, and through it the rest, by src/store/index.ts only.';
const ADAPTERS_API = 'The store uses the adapters through their public API, src/adapters/index.ts.';
const NO_SERVER = 'The app runs in the browser: nothing in src/ imports the sync server (server/).';
const UI_TESTS = ['src/ui/**/*.test.{ts,tsx}', 'src/ui/test-utils.tsx'];

export default tseslint.config(
  { ignores: ['dist', 'dist-e2e', 'node_modules', 'test-results', 'playwright-report', '.artifacts'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // One import style: a relative import names its file, extension included (as Node and Vite resolve it).
      'import-x/extensions': ['error', 'always', { ignorePackages: true, checkTypeImports: true }],
      // A file longer than this starts with `/* eslint-disable max-lines -- <why it stays whole> */`.
      'max-lines': ['error', { max: 300 }],
    },
  },
  {
    // The protocol core is plain TypeScript: no React, no SDK, no store, no browser API.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [REACT, SDKS, STATE] }],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'fetch'],
      'import-x/no-restricted-paths': layer('core', [
        { from: 'formats', why: INNER_ONLY },
        { from: 'adapters', why: INNER_ONLY },
        { from: 'store', why: INNER_ONLY },
        { from: 'ui', why: INNER_ONLY },
      ]),
    },
  },
  {
    // File formats: pure functions over the core's types, plus parsing and packing libraries.
    files: ['src/formats/**/*.ts'],
    ignores: ['src/formats/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [REACT, SDKS, STATE] }] },
  },
  {
    files: ['src/formats/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': layer('formats', [
        { from: 'adapters', why: 'Formats depend on the core alone (pass what they need in as a parameter).' },
        { from: 'store', why: 'Formats depend on the core alone (pass what they need in as a parameter).' },
        { from: 'ui', why: INNER_ONLY },
      ]),
    },
  },
  {
    // L0 adapters: one provider each, over the core's provider-neutral request.
    files: ['src/adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [REACT, STATE] }],
      'import-x/no-restricted-paths': layer('adapters', [
        { from: 'formats', why: INNER_ONLY },
        { from: 'store', why: INNER_ONLY },
        { from: 'ui', why: INNER_ONLY },
      ]),
    },
  },
  {
    // The sync server (Node): it decides with the core and reads files with the formats, nothing else of src/.
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [REACT, SDKS, STATE] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: ['adapters', 'store', 'ui'].map((from) => ({
            target: './server',
            from: `./src/${from}`,
            message: 'The server may import src/core and src/formats only.',
          })),
        },
      ],
    },
  },
  {
    // The evaluation harness (Node): the app's core, formats and adapters' public API, never its store, UI or server.
    files: ['tools/eval/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...['./src/store', './src/ui', './server'].map((from) => ({
              target: './tools/eval',
              from,
              message: 'The evaluation harness may import src/core, src/formats and src/adapters/index.ts only.',
            })),
            {
              target: './tools/eval',
              from: './src/adapters',
              except: ['./index.ts'],
              message: 'The evaluation harness uses the adapters through their public API, src/adapters/index.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared rooms end to end below the UI: the facilitator stores of several people against the real server.
    files: ['server/store-*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [REACT, SDKS] }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: ['adapters', 'ui'].map((from) => ({
            target: './server',
            from: `./src/${from}`,
            message: 'Server tests may drive the store, never the UI or an adapter directly.',
          })),
        },
      ],
    },
  },
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': layer('store', [
        { from: 'adapters', except: ['./index.ts'], why: ADAPTERS_API },
        { from: 'ui', why: INNER_ONLY },
      ]),
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: UI_TESTS,
    rules: {
      'import-x/no-restricted-paths': layer('ui', [
        { from: 'store', except: ['./index.ts'], why: STORE_API },
        { from: 'formats', why: STORE_API },
        { from: 'adapters', why: STORE_API },
        { from: 'core', why: STORE_API },
      ]),
    },
  },
  {
    // UI tests may also build their own stores with the store's test helpers.
    files: UI_TESTS,
    rules: {
      'import-x/no-restricted-paths': layer('ui', [
        { from: 'store', except: ['./index.ts', './testing.ts'], why: `${STORE_API} Tests: and src/store/testing.ts.` },
        { from: 'formats', why: STORE_API },
        { from: 'adapters', why: STORE_API },
        { from: 'core', why: STORE_API },
      ]),
    },
  },
);
