// The replay mode: a recorded stream is sent verbatim, chunk by chunk, and scripts that carry one are validated.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRecording, splitRecording } from './recordings.ts';
import { parseReply } from './script.ts';
import { fakeProvidersForThisFile } from './testing.ts';

const fake = fakeProvidersForThisFile();

describe('splitRecording', () => {
  it('cuts a recording into its SSE events, each with its blank line, and joins back to the text', () => {
    const text = 'event: a\ndata: {}\n\ndata: [DONE]\n\n';
    expect(splitRecording(text)).toEqual(['event: a\ndata: {}\n\n', 'data: [DONE]\n\n']);
    expect(splitRecording(text).join('')).toBe(text);
  });
});

describe('recordings', () => {
  it('every recording loads as complete SSE events', () => {
    const names = readdirSync(new URL('./recordings/', import.meta.url)).filter((file) => file.endsWith('.sse'));
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const file of names) {
      const { chunks } = loadRecording(file.replace(/\.sse$/, ''));
      expect(chunks.length, file).toBeGreaterThan(0);
      for (const chunk of chunks) expect(chunk, file).toMatch(/^(event: [\w.]+\n)?data: .+\n\n$/);
    }
  });

  it('refuses a name that is not a recording’s', () => {
    expect(() => loadRecording('../secrets')).toThrow('Not a recording name');
  });
});

describe('parseReply with a replay', () => {
  it('accepts chunks and a pacing', () => {
    expect(parseReply({ replay: { chunks: ['data: {}\n\n'], intervalMs: 5 } })).toEqual({
      replay: { chunks: ['data: {}\n\n'], intervalMs: 5 },
    });
  });

  it('refuses chunks that are not strings, with the field named', () => {
    expect(() => parseReply({ replay: { chunks: [1] } }, 'm[0]')).toThrow(
      'm[0].replay.chunks must be a list of strings',
    );
    expect(() => parseReply({ replay: { chunks: [], intervalMs: 'x' } })).toThrow('reply.replay.intervalMs');
  });
});

describe('the server in replay mode', () => {
  it('sends the chunks verbatim, in order, with the SSE headers', async () => {
    const chunks = ['data: {"a":1}\n\n', 'data: {"b":2}\n\n', 'data: [DONE]\n\n'];
    fake().script('replayed', { replay: { chunks, intervalMs: 20 } });
    const response = await fetch(`${fake().url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'replayed', stream: true, messages: [{ role: 'user', content: 'hi' }] }),
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await response.text()).toBe(chunks.join(''));
    expect(fake().requests('replayed')).toHaveLength(1);
  });
});
