// Recorded streams (recordings/*.sse) for the replay mode: each file is a stream as a provider sends it, one chunk
// per SSE event (events apart by a blank line). See recordings/README.md for what each one follows.
import { readFileSync } from 'node:fs';
import type { ReplayScript } from './types.ts';

const DIRECTORY = new URL('./recordings/', import.meta.url);

/** A recording's text cut into its SSE events, each with its blank line, so that joining them gives the text back. */
export function splitRecording(text: string): string[] {
  return text.split(/(?<=\n\n)/).filter((chunk) => chunk !== '');
}

/** The recording `recordings/<name>.sse` as a replay script (chunks sent `intervalMs` apart). */
export function loadRecording(name: string, intervalMs?: number): ReplayScript {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`Not a recording name: ${name}`);
  const chunks = splitRecording(readFileSync(new URL(`${name}.sse`, DIRECTORY), 'utf8'));
  return { chunks, ...(intervalMs !== undefined ? { intervalMs } : {}) };
}
