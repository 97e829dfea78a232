import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.ts';
import { fenced, inline } from './markdown-text.ts';
import type { TranscriptMessage } from '../../core/index.ts';
import type { ConversationSnapshot } from '../conversation/snapshot.ts';
import { snapshotArbitrary } from '../testing/arbitraries.ts';
import { markdownStructure } from '../testing/markdown-structure.ts';
import { HOSTILE_REPLY, realConversation, SECRET_KEY } from '../testing/real-conversation.ts';

let snapshot: ConversationSnapshot;
let markdown: string;

beforeAll(() => {
  snapshot = realConversation();
  markdown = toMarkdown(snapshot);
});

/** The structure lines (outside message bodies) of the export. */
const structure = () => markdownStructure(markdown).outside;

describe('toMarkdown of a real conversation', () => {
  it('starts with the title and the room: peers with provider and model, and the modes', () => {
    expect(markdown.startsWith('# Design review: storage\n')).toBe(true);
    expect(structure()).toEqual(
      expect.arrayContaining([
        '- **Room:** Test room',
        '- **Human:** You (@you)',
        '  - Claude (@claude) — openai · claude\\-model'.replace('\\-', '-'),
        '  - Gpt (@gpt) — openai · gpt-model',
        '- **Mode at the start:** Collaborative v2.5 — “What am I missing?”',
        '- **Mode when exported:** Adversarial v3.1 — “Prove it.”',
      ]),
    );
  });

  it('names the author of every message shown, in transcript order, with handles', () => {
    const headings = structure().filter((line) => line.startsWith('### '));
    const expected = snapshot.messages
      .filter((message) => message.status !== 'passed')
      .map((message) => {
        const who = message.authorId === 'human' ? 'You (@you)' : undefined;
        const peer = snapshot.room.peers.find((seat) => seat.id === message.authorId);
        return `### ${who ?? `${peer!.displayName} (@${peer!.handle})`}`;
      });
    expect(headings).toEqual(expected);
    const kinds = structure().filter((line) => /^\*(human|peer|notice) · /.test(line));
    expect(kinds.map((line) => line.split(' · ')[0])).toEqual(
      expected.map((heading) => (heading.includes('@you') ? '*human' : '*peer')),
    );
  });

  it('stamps the mode where it changes, and says why each turn happened', () => {
    const stamps = structure().filter((line) => line.startsWith('**Mode: '));
    expect(stamps).toEqual([
      '**Mode: Collaborative v2.5 — “What am I missing?”**',
      '**Mode: Adversarial v3.1 — “Prove it.”**',
    ]);
    const lines = structure();
    const adversarialAt = lines.indexOf(stamps[1]!);
    expect(lines[adversarialAt + 2]).toBe('### You (@you)');
    const joined = lines.join('\n');
    for (const words of [
      'mentioned by You (@you)',
      'mentioned by Claude (@claude)',
      'answering @all',
      'chosen by DAP (p = 1)',
    ]) {
      expect(joined).toContain(words);
    }
  });

  it('writes every round end in words, between the rounds', () => {
    const ends = structure().filter((line) => line.startsWith('— round ended'));
    expect(ends).toEqual([
      '— round ended: queue empty —',
      '— round ended: queue empty —',
      '— round ended: stopped by the human —',
      '— round ended: queue empty —',
      '— round ended: queue empty —',
    ]);
    const order = structure()
      .filter((line) => line.startsWith('— round ended') || line === '### You (@you)')
      .map((line) => (line.startsWith('—') ? 'end' : 'human'));
    expect(order).toEqual(['human', 'end', 'human', 'end', 'human', 'end', 'human', 'end', 'human', 'end']);
  });

  it('shows statuses: interrupted, error with its message; passed turns compactly', () => {
    const lines = structure();
    expect(lines).toContain('*peer · mentioned by You (@you) · 1970-01-01 00:00:01 UTC · **interrupted***');
    expect(lines.find((line) => line.includes('error'))).toBe(
      '*peer · answering @all · 1970-01-01 00:00:01 UTC · **error (rate\\-limited): rate\\-limited (scripted)***'.replaceAll(
        '\\-',
        '-',
      ),
    );
    expect(lines).toContain('*Passed (nothing to add): Gpt (@gpt)*');
    expect(markdown).not.toMatch(/^PASS$/m);
  });

  it('keeps a hostile body verbatim inside its own block, where it cannot pass as the human’s line', () => {
    const { outside, fenced: bodies, unclosed } = markdownStructure(markdown);
    expect(unclosed).toBe(false);
    expect(bodies).toContain(HOSTILE_REPLY);
    // The body adds nothing to the structure: with a harmless text in its place, the structure is the same.
    const harmless = toMarkdown({
      ...snapshot,
      messages: snapshot.messages.map((message) =>
        message.text === HOSTILE_REPLY ? { ...message, text: 'x' } : message,
      ),
    });
    expect(markdownStructure(harmless).outside).toEqual(outside);
    expect(outside.filter((line) => line === '### You (@you)')).toHaveLength(
      snapshot.messages.filter((message) => message.kind === 'human').length,
    );
    // Title, Room, Transcript, and one heading per message shown.
    const shown = snapshot.messages.filter((message) => message.status !== 'passed');
    expect(outside.filter((line) => line.startsWith('#'))).toHaveLength(3 + shown.length);
  });

  it('names the person who wrote each human message of a shared room', () => {
    const firstHuman = snapshot.messages.find((message) => message.kind === 'human');
    const shared = {
      ...snapshot,
      messages: snapshot.messages.map((message) =>
        message === firstHuman ? { ...message, sender: { memberId: 'member-bo', name: 'Bo *Builder*' } } : message,
      ),
    };
    const headings = toMarkdown(shared)
      .split('\n')
      .filter((line) => line.startsWith('### '));
    expect(headings.filter((line) => line.includes('Bo \\*Builder\\* (shared room)'))).toHaveLength(1);
    const before = markdown.split('\n').filter((line) => line.startsWith('### ') && line.includes('(@you)'));
    expect(headings.filter((line) => line.includes('(@you)'))).toHaveLength(before.length - 1);
  });

  it('contains no API key', () => {
    expect(markdown).not.toContain(SECRET_KEY);
    expect(markdown).not.toContain('api.example.test');
  });
});

describe('toMarkdown of generated conversations', () => {
  it('every shown message gets one heading, and its text (and reasoning) appear verbatim in their own blocks', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (generated) => {
        const { outside, fenced: bodies, unclosed } = markdownStructure(toMarkdown(generated));
        expect(unclosed).toBe(false);
        const shown = generated.messages.filter((message) => message.status !== 'passed');
        expect(outside.filter((line) => line.startsWith('### '))).toHaveLength(shown.length);
        // CommonMark reads \r and \r\n as line ends, as the split in markdownStructure does.
        const asRead = (body: string) =>
          body
            .split(/\r\n|\n|\r/)
            .join('\n')
            .replace(/\n$/, '');
        const expected = shown.flatMap((message) => [
          ...(message.reasoning !== undefined && message.reasoning.text !== '' ? [message.reasoning.text] : []),
          ...(message.text !== '' ? [message.text] : []),
        ]);
        expect(bodies).toEqual(expected.map(asRead));
      }),
      { numRuns: 100 },
    );
  });
});

describe('markdown building blocks', () => {
  it('inline escapes emphasis, code, links, HTML and headings, and keeps names on one line', () => {
    expect(inline('**You**\n# [x](y) <b>&amp;</b> `c` ~s~ a|b')).toBe(
      '\\*\\*You\\*\\* \\# \\[x\\](y) \\<b\\>\\&amp;\\</b\\> \\`c\\` \\~s\\~ a\\|b',
    );
  });

  it('fenced picks a fence longer than any backtick run', () => {
    expect(fenced('a ``` b ```` c')).toBe('`````text\na ``` b ```` c\n`````');
    expect(fenced('')).toBe('```text\n```');
  });
});

describe('reasoning and endings', () => {
  const snapshot = (message: Partial<TranscriptMessage>): ConversationSnapshot => {
    const base = realConversation();
    const peerMessage = base.messages.find((candidate) => candidate.kind === 'peer')!;
    return { ...base, messages: [{ ...peerMessage, ...message }] };
  };

  it('puts the reasoning in a collapsible details block, its text fenced, before the answer', () => {
    const markdown = toMarkdown(
      snapshot({
        text: 'The answer.',
        reasoning: { text: '<b>think</b>', redacted: true, tokens: 1200, durationMs: 3200 },
      }),
    );
    expect(markdown).toContain(
      '<details>\n<summary>Reasoning · 1,200 tokens · 3.2 s</summary>\n\n```text\n<b>think</b>\n```\n\n*Some reasoning was redacted by the provider.*\n\n</details>\n\n```text\nThe answer.\n```',
    );
  });

  it('words the ending once, escaping a refusal’s text', () => {
    const markdown = toMarkdown(
      snapshot({ text: '', ending: { kind: 'refusal', providerReason: 'refusal', refusal: 'No <script>' } }),
    );
    expect(markdown).toMatch(/\*\(no text\)\*\n\n\*\S+ declined to answer \(refusal\)\. It said: “No \\<script\\>”\*/);
  });
});
