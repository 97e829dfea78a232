/**
 * The core is innermost (profile §2): no React, no SDK, no store/adapters/ui, no browser API. ESLint enforces this
 * on every save; this test keeps it true in CI runs that skip linting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('core boundaries', () => {
  const files = sourceFiles(root);

  it('finds the core sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files.map((file) => [file.slice(root.length + 1), file]))('%s imports only core modules', (_name, file) => {
    const source = readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]);
    for (const specifier of imports) expect(specifier).toMatch(/^\.\.?\//);
    expect(source).not.toMatch(/\b(window|document|localStorage|indexedDB|navigator)\.|\bfetch\(/);
  });
});
