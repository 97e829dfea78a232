/**
 * Parsing untrusted JSON without trusting it: size is checked before parsing, nesting depth and truncation by a
 * flat scan of the raw text (no recursion, so a 100,000-deep `[[[[` cannot overflow the stack), and keys that
 * could pollute prototypes are refused anywhere in the document.
 */

export type SafeJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

export interface SafeJsonLimits {
  /** Largest accepted text, in characters. */
  maxChars: number;
  /** Deepest accepted nesting of arrays and objects. */
  maxDepth: number;
}

/** Keys refused anywhere: merging such an object elsewhere could change every object's prototype. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/**
 * Parses `text` as JSON within the limits. Refuses, with one sentence: an empty or oversized text, nesting deeper
 * than `maxDepth`, a text that ends too early, invalid JSON, and a forbidden key (named with its path).
 */
export function parseJsonSafely(text: string, limits: SafeJsonLimits): SafeJsonResult {
  if (text.length > limits.maxChars) {
    return {
      ok: false,
      message: `the file is too large: ${text.length.toLocaleString('en')} characters, at most ${limits.maxChars.toLocaleString('en')} (about ${megabytes(limits.maxChars)} MB).`,
    };
  }
  if (text.trim() === '') return { ok: false, message: 'the file is empty.' };
  const scan = scanStructure(text, limits.maxDepth);
  if (scan.tooDeepAt !== null) {
    return {
      ok: false,
      message: `the file is nested more than ${limits.maxDepth} levels deep (at character ${scan.tooDeepAt + 1}).`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (scan.unfinished) return { ok: false, message: 'the file ends too early: it looks cut off (truncated JSON).' };
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { ok: false, message: `the file is not valid JSON${detail}.` };
  }
  const forbidden = findForbiddenKey(value);
  if (forbidden !== null) {
    return {
      ok: false,
      message: `${forbidden || '(top level)'}: the key is not allowed (it could pollute prototypes).`,
    };
  }
  return { ok: true, value };
}

interface StructureScan {
  /** Index of the first bracket beyond the allowed depth, if any. */
  tooDeepAt: number | null;
  /** True when the text ends inside a string or with brackets still open. */
  unfinished: boolean;
}

/** One pass over the raw text counting `[`/`{` nesting outside strings. */
export function scanStructure(text: string, maxDepth: number): StructureScan {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > maxDepth) return { tooDeepAt: i, unfinished: true };
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      depth--;
    }
  }
  return { tooDeepAt: null, unfinished: inString || depth > 0 };
}

/**
 * The dotted path of the first forbidden key (e.g. `conversation.messages.2.__proto__`), or null. Iterative, and
 * the depth is already bounded by the scan.
 */
export function findForbiddenKey(root: unknown): string | null {
  const stack: { value: unknown; path: string }[] = [{ value: root, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const keys = Object.keys(value);
    for (const key of keys) {
      const child = path === '' ? key : `${path}.${key}`;
      if (FORBIDDEN_KEYS.includes(key)) return child;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ value: (value as Record<string, unknown>)[key], path: path === '' ? key : `${path}.${key}` });
    }
  }
  return null;
}

function megabytes(chars: number): string {
  return String(Math.round((chars / (1024 * 1024)) * 100) / 100);
}
