// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { needsHighlighting, needsMath } from './extras';
import MarkdownBody from './MarkdownBody';
import { SafeMarkdown } from './SafeMarkdown';

const corpusPath = resolve(
  process.env.PEERCHAT_SHARED_DIR ?? resolve(import.meta.dirname, '../../../../shared'),
  'security/xss-payloads.txt',
);
const payloads = readFileSync(corpusPath, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));

const MARKDOWN_TRICKS = [
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '[click]( javascript:alert(1))',
  '![x](https://evil.example/track.png)',
  '![x](javascript:alert(1))',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<https://evil.example/auto>',
  '<javascript:alert(1)>',
];

function expectInert(container: HTMLElement) {
  expect(
    container.querySelectorAll('script, iframe, object, embed, svg, style, link, meta, form, img, video, audio'),
  ).toHaveLength(0);
  for (const element of container.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name.toLowerCase().startsWith('on'), `${element.tagName} ${attribute.name}`).toBe(false);
    }
  }
  for (const link of container.querySelectorAll('a')) {
    expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/i);
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
  }
}

describe('the markdown renderer with hostile model output', () => {
  it(`renders each of the ${payloads.length} corpus payloads inert`, () => {
    expect(payloads.length).toBeGreaterThan(50);
    for (const payload of payloads) {
      const { container, unmount } = render(<MarkdownBody text={payload} />);
      expectInert(container);
      unmount();
    }
  });

  it.each(MARKDOWN_TRICKS)('neutralises the markdown trick %s', (text) => {
    const { container } = render(<MarkdownBody text={text} />);
    expectInert(container);
  });

  it('shows raw HTML as text', () => {
    render(<MarkdownBody text={'<b onclick="x()">bold</b>'} />);
    expect(screen.getByText(/<b onclick="x\(\)">/)).toBeInTheDocument();
  });
});

describe('the markdown renderer', () => {
  it('keeps safe links, opening in a new tab without opener or referrer', () => {
    render(<MarkdownBody text="See [the docs](https://example.com/docs)." />);
    const link = screen.getByRole('link', { name: 'the docs' });
    expect(link).toHaveAttribute('href', 'https://example.com/docs');
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('loads a remote image only after a click, through a blob URL without cookies or referrer', async () => {
    const fetchSpy = vi.fn(async () => new Response('png', { headers: { 'content-type': 'image/png' } }));
    vi.stubGlobal('fetch', fetchSpy);
    URL.createObjectURL = vi.fn(() => 'blob:local/1');
    URL.revokeObjectURL = vi.fn();
    const { container } = render(<MarkdownBody text="![chart](https://img.example/c.png)" />);
    expect(container.querySelector('img')).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: /Load image “chart” from img.example/ }));
    await waitFor(() => expect(container.querySelector('img')).toHaveAttribute('src', 'blob:local/1'));
    expect(fetchSpy).toHaveBeenCalledWith(
      'https://img.example/c.png',
      expect.objectContaining({ credentials: 'omit', referrerPolicy: 'no-referrer' }),
    );
    vi.unstubAllGlobals();
  });

  it('offers a plain link when the image host refuses a cross-origin read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    render(<MarkdownBody text="![chart](https://img.example/c.png)" />);
    fireEvent.click(screen.getByRole('button', { name: /Load image/ }));
    const link = await screen.findByRole('link', { name: /could not be loaded/ });
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    vi.unstubAllGlobals();
  });

  it('loads no extras for plain text', () => {
    expect(needsHighlighting('plain `inline` text')).toBe(false);
    expect(needsMath('it costs $5 and $10')).toBe(false);
  });

  it('renders GFM tables and loads highlighting for fenced code', async () => {
    const { container } = render(<MarkdownBody text={'| a | b |\n|---|---|\n| 1 | 2 |\n\n```ts\nconst x = 1;\n```'} />);
    expect(container.querySelector('table')).not.toBeNull();
    await waitFor(() => expect(container.querySelector('code.hljs')).not.toBeNull());
  });

  it('loads math rendering only when a message has math', async () => {
    const { container } = render(<MarkdownBody text={'Euler: $e^{i\\pi} + 1 = 0$'} />);
    await waitFor(() => expect(container.querySelector('.katex')).not.toBeNull());
  });
});

describe('SafeMarkdown', () => {
  it('shows the text at once, escaped, then renders it as markdown when the renderer has loaded', async () => {
    const { container } = render(<SafeMarkdown text={'**bold** <img src=x onerror=alert(1)>'} />);
    expect(container.textContent).toContain('**bold** <img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    await waitFor(() => expect(container.querySelector('strong')).toHaveTextContent('bold'));
    expectInert(container);
  });
});
