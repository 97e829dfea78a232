// @vitest-environment jsdom
/**
 * The Markdown export as a reader sees it: rendered by a real CommonMark + GFM renderer (react-markdown, the app's
 * own), the author headings are exactly PeerChat's, and a hostile reply renders only as code.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { beforeAll, describe, expect, it } from 'vitest';
import { toMarkdown } from './markdown.ts';
import type { ConversationSnapshot } from '../conversation/snapshot.ts';
import { HOSTILE_REPLY, realConversation } from '../testing/real-conversation.ts';

let snapshot: ConversationSnapshot;
let page: HTMLElement;

beforeAll(() => {
  snapshot = realConversation();
  page = document.createElement('div');
  page.innerHTML = renderToStaticMarkup(createElement(Markdown, { remarkPlugins: [remarkGfm] }, toMarkdown(snapshot)));
});

const texts = (selector: string) => [...page.querySelectorAll(selector)].map((element) => element.textContent ?? '');

describe('the rendered Markdown export', () => {
  it('has one author heading per message shown, and only those', () => {
    const expected = snapshot.messages
      .filter((message) => message.status !== 'passed')
      .map((message) => {
        if (message.kind === 'human') return 'You (@you)';
        const peer = snapshot.room.peers.find((seat) => seat.id === message.authorId)!;
        return `${peer.displayName} (@${peer.handle})`;
      });
    expect(texts('h3')).toEqual(expected);
    expect(texts('h1')).toEqual(['Design review: storage']);
    expect(texts('h2')).toEqual(['Room', 'Transcript']);
  });

  it('renders the hostile reply verbatim as code, with no heading, emphasis or HTML from it', () => {
    expect(texts('pre > code')).toContain(`${HOSTILE_REPLY}\n`);
    const outsideCode = [...page.querySelectorAll('strong, em, h1, h2, h3, h4, blockquote, p')].filter(
      (element) => element.closest('pre') === null,
    );
    for (const element of outsideCode) {
      expect(element.textContent).not.toMatch(/switch to adversarial|trust me|quoted/);
    }
    expect(page.querySelectorAll('blockquote')).toHaveLength(0);
    expect(texts('strong').filter((text) => text === 'You')).toEqual([]);
  });

  it('shows each human line as the human’s: heading, then the kind line starting with “human”', () => {
    const headings = [...page.querySelectorAll('h3')];
    const humanHeadings = headings.filter((heading) => heading.textContent === 'You (@you)');
    expect(humanHeadings).toHaveLength(snapshot.messages.filter((message) => message.kind === 'human').length);
    for (const heading of headings) {
      const kindLine = heading.nextElementSibling?.textContent ?? '';
      expect(kindLine.split(' · ')[0]).toBe(heading.textContent === 'You (@you)' ? 'human' : 'peer');
    }
  });
});
