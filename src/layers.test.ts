/**
 * The layer rules of eslint.config.js fire: ESLint's own API lints small snippets placed in each layer, and every
 * forbidden import must be reported (and every allowed one pass). Lint itself only shows that today's code obeys the
 * rules; this shows the rules would catch code that does not (a typo in a zone would otherwise pass silently).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

/** The rules a snippet breaks, as placed at `file` (the file need not exist; what it imports must). */
async function broken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: file });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

const PATHS = 'import-x/no-restricted-paths';

describe.each([
  // [the file the snippet sits in, an import it makes, the rule that must refuse it or null]
  ['src/core/probe.ts', "export * from '../formats/index.ts';", PATHS],
  ['src/core/probe.ts', "export * from '../adapters/index.ts';", PATHS],
  ['src/core/probe.ts', "export { useState } from 'react';", 'no-restricted-imports'],
  ['src/formats/probe.ts', "export * from '../core/index.ts';", null],
  ['src/formats/probe.ts', "export * from '../store/index.ts';", PATHS],
  ['src/formats/probe.ts', "export const load = () => import('../adapters/index.ts');", PATHS],
  ['src/formats/probe.ts', "export { create } from 'zustand';", 'no-restricted-imports'],
  ['src/adapters/probe.ts', "export * from '../core/index.ts';", null],
  ['src/adapters/probe.ts', "export * from '../formats/index.ts';", PATHS],
  ['src/adapters/probe.ts', "export * from '../store/index.ts';", PATHS],
  ['src/store/probe.ts', "export * from '../adapters/index.ts';", null],
  ['src/store/probe.ts', "export * from '../adapters/catalog.ts';", PATHS],
  ['src/store/probe.ts', "export const load = () => import('../formats/room-file/parse.ts');", null],
  ['src/store/probe.ts', "export * from '../ui/App.tsx';", PATHS],
  ['src/ui/probe.tsx', "export * from '../store/index.ts';", null],
  ['src/ui/probe.tsx', "export * from '../store/library.ts';", PATHS],
  ['src/ui/probe.tsx', "export * from '../store/testing.ts';", PATHS],
  ['src/ui/probe.tsx', "export * from '../core/index.ts';", PATHS],
  ['src/ui/probe.tsx', "export * from '../adapters/index.ts';", PATHS],
  ['src/ui/probe.test.tsx', "export * from '../store/testing.ts';", null],
  ['src/ui/probe.test.tsx', "export * from '../store/persistence/db.ts';", PATHS],
  ['src/ui/probe.tsx', "export * from './App';", 'import-x/extensions'],
  ['server/probe.ts', "export * from '../src/core/index.ts';", null],
  ['server/probe.ts', "export * from '../src/formats/index.ts';", null],
  ['server/probe.ts', "export * from '../src/store/index.ts';", PATHS],
  ['server/probe.ts', "export * from '../src/adapters/index.ts';", PATHS],
  ['server/probe.ts', "export { create } from 'zustand';", 'no-restricted-imports'],
  ['src/core/probe.ts', "export * from '../../server/sync-server.ts';", PATHS],
  ['src/store/probe.ts', "export * from '../../server/sync-server.ts';", PATHS],
  ['src/ui/probe.tsx', "export * from '../../server/sync-server.ts';", PATHS],
  ['tools/eval/probe.ts', "export * from '../../src/adapters/index.ts';", null],
  ['tools/eval/probe.ts', "export * from '../../src/formats/room-file/parse.ts';", null],
  ['tools/eval/probe.ts', "export * from '../../src/adapters/create-adapter.ts';", PATHS],
  ['tools/eval/probe.ts', "export * from '../../src/store/index.ts';", PATHS],
  ['tools/eval/probe.ts', "export * from '../../server/sync-server.ts';", PATHS],
] as const)('%s: %s', (file, code, rule) => {
  it(rule === null ? 'is allowed' : `is refused by ${rule}`, async () => {
    expect(await broken(file, code)).toEqual(rule === null ? [] : [rule]);
  });
});

describe('max-lines', () => {
  const long = Array.from({ length: 301 }, (_, index) => `export const line${index} = ${index};`).join('\n');

  it('refuses a file over 300 lines, unless it says why at its top', async () => {
    expect(await broken('src/core/probe.ts', long)).toEqual(['max-lines']);
    expect(await broken('src/core/probe.ts', `/* eslint-disable max-lines -- a reason */\n${long}`)).toEqual([]);
  });

  it('refuses a reason line that is not needed', async () => {
    const unneeded = '/* eslint-disable max-lines -- a reason */\nexport const x = 1;';
    expect(await broken('src/core/probe.ts', unneeded)).toEqual([
      expect.stringContaining('Unused eslint-disable directive'),
    ]);
  });
});
