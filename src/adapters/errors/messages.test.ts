import { describe, expect, it } from 'vitest';
import type { TurnErrorReason } from '../types.ts';
import { formatSeconds, retryingMessage } from './messages.ts';
import { toTurnError } from './turn-error.ts';
import type { Failure } from './failure.ts';

const CONTEXT = { provider: 'Anthropic', model: 'claude-sonnet-4-5' };
const KEY = 'sk-ant-api03-SECRET-abcdefghijklmnop';

describe('plain-language messages', () => {
  it.each<[Failure, string]>([
    [{ kind: 'missing-key' }, 'No API key is set for Anthropic. Add one in Providers.'],
    [{ kind: 'api', status: 401, codes: [] }, 'The API key was refused by Anthropic. Check it in Providers.'],
    [
      { kind: 'api', status: 404, codes: [] },
      'Anthropic refused access to the model “claude-sonnet-4-5”: it may not exist, or this key or account may not be allowed to use it (or has no credit left).',
    ],
    [{ kind: 'api', status: 429, codes: [], retryAfterSeconds: 7 }, 'Rate limited by Anthropic. Try again in 7 s.'],
    [{ kind: 'api', status: 429, codes: [] }, 'Rate limited by Anthropic. Wait a moment and try again.'],
    [{ kind: 'api', status: 529, codes: [] }, 'Anthropic is overloaded right now. Try again in a moment.'],
    [
      { kind: 'api', status: 400, codes: ['context_length_exceeded'] },
      "The conversation is too long for “claude-sonnet-4-5” at Anthropic. Lower this peer's context window in its settings, or start a new conversation.",
    ],
    [{ kind: 'network' }, 'Could not reach Anthropic. Check your connection.'],
    [
      { kind: 'timeout', phase: 'first-token', afterMs: 60_000 },
      'Anthropic sent no reply for 60 s, so the request was stopped. Try again, or regenerate the message.',
    ],
    [
      { kind: 'timeout', phase: 'idle', afterMs: 30_000 },
      'Anthropic stopped sending for 30 s in the middle of the reply, so it was stopped.',
    ],
    [{ kind: 'truncated' }, 'The reply from Anthropic ended without its end marker, so it may be incomplete.'],
    [{ kind: 'aborted' }, 'Stopped before the reply was finished.'],
    [
      { kind: 'api', status: 400, codes: [], providerMessage: 'max_tokens: must be ≤ 64000' },
      'Anthropic refused the request (HTTP 400): max_tokens: must be ≤ 64000',
    ],
    [{ kind: 'api', status: 500, codes: [] }, 'Anthropic had a server error (HTTP 500).'],
    [{ kind: 'unexpected' }, 'Something unexpected went wrong with Anthropic.'],
  ])('%o', (failure, message) => {
    expect(toTurnError(failure, CONTEXT, [KEY]).message).toBe(message);
  });

  it('every reason has a message, and none carries the key even when the provider echoes it', () => {
    const reasons = new Set<TurnErrorReason>();
    const failures: Failure[] = [
      { kind: 'api', status: 400, codes: [], providerMessage: `Invalid key ${KEY} in header` },
      { kind: 'api', status: 500, codes: [], providerMessage: `upstream said Bearer ${KEY}` },
      { kind: 'unexpected', detail: `request to https://x/?key=${KEY} failed` },
      { kind: 'api', status: 401, codes: [], providerMessage: `Incorrect API key provided: ${KEY}` },
    ];
    for (const failure of failures) {
      const error = toTurnError(failure, CONTEXT, [KEY]);
      reasons.add(error.reason);
      expect(JSON.stringify(error)).not.toContain('SECRET');
      expect(error.message).toMatch(/^[A-Z]/);
    }
    expect(reasons.size).toBe(4);
  });

  it('a lost connection mid-reply says so, and endpoints and hints appear for user-set servers', () => {
    const ollama = {
      provider: 'Ollama',
      model: 'llama3',
      endpoint: 'localhost:11434/v1',
      networkHint: 'Is Ollama running?',
    };
    expect(toTurnError({ kind: 'network' }, ollama, [], false).message).toBe(
      'Could not reach Ollama at localhost:11434/v1. Check your connection and the base URL. Is Ollama running?',
    );
    expect(toTurnError({ kind: 'network' }, ollama, [], true).message).toBe(
      'The connection to Ollama was lost in the middle of the reply.',
    );
    // Reached, then lost before any text: no advice about the address or the server's origin setting.
    expect(toTurnError({ kind: 'network' }, ollama, [], false, true).message).toBe(
      'The connection to Ollama was lost before the reply started. Try again.',
    );
  });

  it('long provider explanations are shortened', () => {
    const error = toTurnError({ kind: 'api', status: 400, codes: [], providerMessage: 'x'.repeat(1000) }, CONTEXT, []);
    expect(error.message.length).toBeLessThan(320);
  });

  it('formats waits and retry notices', () => {
    expect(formatSeconds(7)).toBe('7 s');
    expect(formatSeconds(1.25)).toBe('1.3 s');
    expect(formatSeconds(42.4)).toBe('42 s');
    expect(formatSeconds(600)).toBe('10 min');
    expect(retryingMessage('rate-limited', 'Anthropic', 7)).toBe('Rate limited by Anthropic — retrying in 7 s');
    expect(retryingMessage('overloaded', 'the OpenAI-compatible server', 2)).toBe(
      'The OpenAI-compatible server is overloaded — retrying in 2 s',
    );
  });
});
