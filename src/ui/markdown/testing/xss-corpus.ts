/**
 * Test helper (Node only): the XSS payload corpus vendored in `vendor/xss-payloads/xss-payloads.txt` (MIT, from
 * PayloadsAllTheThings; see the README there), or the file named by `PEERCHAT_XSS_CORPUS`. Read by the markdown
 * unit tests and by the hostile-input e2e tests. Never optional: a missing file throws, so the tests fail rather
 * than pass on nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The vendored corpus: `vendor/xss-payloads/xss-payloads.txt` in the repository. */
export const DEFAULT_XSS_CORPUS = resolve(import.meta.dirname, '../../../../vendor/xss-payloads/xss-payloads.txt');

export interface Payload {
  section: string;
  payload: string;
}

/** `PEERCHAT_XSS_CORPUS` when set, else the vendored copy. */
export function xssCorpusPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PEERCHAT_XSS_CORPUS ? resolve(env.PEERCHAT_XSS_CORPUS) : DEFAULT_XSS_CORPUS;
}

/** The corpus: one payload per line, `## name` starts a section, other `#` lines and blank lines are skipped. */
export function loadXssCorpus(file = xssCorpusPath()): Payload[] {
  if (!existsSync(file)) {
    throw new Error(
      `The XSS corpus is missing: ${file} does not exist. The repository carries it in ` +
        'vendor/xss-payloads/xss-payloads.txt (restore it from git), or set PEERCHAT_XSS_CORPUS to a copy.',
    );
  }
  const payloads: Payload[] = [];
  let section = '';
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('## ')) section = line.slice(3).trim();
    else if (line.startsWith('#') || line.trim() === '') continue;
    else payloads.push({ section, payload: line });
  }
  return payloads;
}
