/**
 * No SDK may be in the app's first page load: adapter sources import an SDK only with `import type` (erased) or a
 * dynamic `import()`. A static value import anywhere under src/adapters would pull the SDK into the main chunk.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SDKS = ['openai', '@anthropic-ai/sdk', '@google/genai'];
const root = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('SDKs are loaded lazily', () => {
  const files = sources(root);

  it.each(files.map((file) => [file.slice(root.length + 1), file]))('%s has no static SDK import', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gm)) {
      const [, , typeOnly, specifier] = match;
      if (SDKS.some((sdk) => specifier === sdk || specifier?.startsWith(`${sdk}/`))) expect(typeOnly).toBe('type ');
    }
    expect(source).not.toMatch(/^\s*import\s+'(openai|@anthropic-ai\/sdk|@google\/genai)/m);
  });

  it('each SDK is imported dynamically exactly where its connection is made', () => {
    const dynamic = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/import\('([^']+)'\)/g)].map((match) => [
        file.slice(root.length + 1),
        match[1],
      ]),
    );
    expect(dynamic).toEqual(
      expect.arrayContaining([
        ['providers/openai/connection.ts', 'openai'],
        ['providers/anthropic/connection.ts', '@anthropic-ai/sdk'],
        ['providers/google/connection.ts', '@google/genai'],
      ]),
    );
  });

  it('the demo imports no SDK and calls no network API', () => {
    for (const file of files.filter((path) => path.includes('/demo/'))) {
      const source = readFileSync(file, 'utf8');
      expect(source).not.toMatch(/openai|@anthropic-ai|@google\/genai|\bfetch\(|XMLHttpRequest|WebSocket|EventSource/);
    }
  });
});

/** Every module a file reaches through static imports and re-exports (relative paths only; `import()` not followed). */
function staticallyReached(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'(\.[^']+)'/gm)) {
    const [, typeOnly, specifier] = match;
    if (!typeOnly && specifier?.endsWith('.ts')) staticallyReached(resolve(dirname(file), specifier), seen);
  }
  return seen;
}

describe('the public API stays light', () => {
  // The store imports index.ts into the first page; whatever it reaches statically is bundled there, even when
  // only a lazily loaded chunk uses it. The adapters' own code must stay behind createLazyAdapter's import().
  it('reaches no adapter, driver, connection or the eager createAdapter', () => {
    const reached = [...staticallyReached(join(root, 'index.ts'))].map((file) => file.slice(root.length + 1));
    expect(reached).toContain('lazy-adapter.ts');
    expect(
      reached.filter((file) => /(^|\/)(create-adapter|adapter|sdk-adapter|connection|[a-z]+-driver)\.ts$/.test(file)),
    ).toEqual([]);
  });
});
