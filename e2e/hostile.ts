/**
 * Helpers for the hostile-input tests: the vendored XSS corpus, script traps installed before the app starts, a
 * recorder of every request the page makes, a long-task observer, and readers for downloads and stored messages.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { newestStoredConversation } from './stored.ts';

export { loadXssCorpus } from '../src/ui/markdown/testing/xss-corpus.ts';

/**
 * Markdown-specific tricks the corpus (HTML payloads) does not cover: script URLs in links, reference links and
 * images, remote images, math with \href, and payloads that set `window.__xssFlag` instead of calling alert.
 */
export const MARKDOWN_TRICKS: readonly string[] = [
  '[plain js link](javascript:window.__xssFlag=1)',
  '[spaced js link]( javascript:window.__xssFlag=2 )',
  '[encoded js link](jav&#x61;script:window.__xssFlag=3)',
  '[data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3NGbGFnPTQ8L3NjcmlwdD4=)',
  '[vbscript link](vbscript:msgbox(1))',
  '<javascript:window.__xssFlag=5>',
  '[reference link][evil] and [collapsed][]',
  '[evil]: javascript:window.__xssFlag=6',
  '[collapsed]: data:text/html,<script>window.__xssFlag=7</script>',
  '![remote image](http://127.0.0.2:9/pixel.png)',
  '![remote svg](http://127.0.0.2:9/pixel.svg "title")',
  '![script image](javascript:window.__xssFlag=8)',
  '![data svg image](data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0id2luZG93Ll9feHNzRmxhZz05Ii8+)',
  '[![image in link](http://127.0.0.2:9/n.png)](javascript:window.__xssFlag=10)',
  '<img src=x onerror="window.__xssFlag=11">',
  '<a href="javascript:window.__xssFlag=12">raw html link</a>',
  'Autolinks: http://127.0.0.2:9/autolink and www.example.invalid/x',
  'Math link: $\\href{javascript:window.__xssFlag=13}{click}$ and $\\url{javascript:window.__xssFlag=14}$',
  '$$\\htmlData{onload=window.__xssFlag=15}{x}$$',
  '```html\n<script>window.__xssFlag=16</script><img src=x onerror=window.__xssFlag=17>\n```',
  '| table | <img src=x onerror=window.__xssFlag=18> |\n| --- | --- |\n| [cell](javascript:window.__xssFlag=19) | ok |',
];

export interface XssTraps {
  /** alert/confirm/prompt/print calls and `window.__xssFlag` writes, in order. */
  calls: string[];
  /** securitypolicyviolation events. */
  violations: { directive: string; blocked: string; sample: string }[];
}

/**
 * Traps installed before the app's own scripts: `alert`, `prompt` and `print` are replaced by recorders, `confirm`
 * is recorded then answered as usual (Import room asks for confirmation), `window.__xssFlag` cannot be set (a write
 * is recorded), and every Content-Security-Policy violation is recorded. Call before `page.goto`.
 */
export async function installXssTraps(page: Page): Promise<() => Promise<XssTraps>> {
  await page.addInitScript(() => {
    const traps: XssTraps = { calls: [], violations: [] };
    Object.defineProperty(window, '__xss', { value: traps, configurable: false, writable: false });
    const record =
      (name: string) =>
      (...args: unknown[]) => {
        traps.calls.push(`${name}(${args.map(String).join(', ')})`);
        return null;
      };
    for (const name of ['alert', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, { value: record(name), configurable: false, writable: false });
    }
    const realConfirm = window.confirm.bind(window);
    Object.defineProperty(window, 'confirm', {
      value: (message?: string) => {
        traps.calls.push(`confirm(${String(message)})`);
        return realConfirm(message);
      },
      configurable: false,
      writable: false,
    });
    Object.defineProperty(window, '__xssFlag', {
      get: () => undefined,
      set: (value: unknown) => traps.calls.push(`__xssFlag = ${String(value)}`),
      configurable: false,
    });
    document.addEventListener('securitypolicyviolation', (event) =>
      traps.violations.push({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample }),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __xss: XssTraps }).__xss);
}

/**
 * Records every request the page starts (`page.on('request')`) and every one that reaches the network layer (a
 * `context.route` that lets everything through), and which of them the browser refused (`requestfailed`, e.g.
 * `net::ERR_BLOCKED_BY_CSP`). `foreign` lists URLs whose origin is not one of `allowed`.
 */
export async function recordRequests(context: BrowserContext, page: Page, allowed: readonly string[]) {
  const started: string[] = [];
  const routed: string[] = [];
  const failed = new Map<string, string>();
  page.on('request', (request) => started.push(request.url()));
  page.on('requestfailed', (request) => failed.set(request.url(), request.failure()?.errorText ?? 'failed'));
  await context.route('**/*', async (route) => {
    routed.push(route.request().url());
    await route.fallback();
  });
  const isAllowed = (url: string) =>
    url.startsWith('data:') || url.startsWith('blob:') || allowed.includes(new URL(url).origin);
  return {
    all: () => [...new Set([...started, ...routed])],
    routed: () => [...routed],
    failure: (url: string) => failed.get(url),
    foreign: () => [...new Set([...started, ...routed].filter((url) => !isAllowed(url)))],
  };
}

/** Starts collecting long tasks (PerformanceObserver 'longtask'); call before `page.goto`. */
export async function observeLongTasks(page: Page): Promise<(from: number, to: number) => Promise<number[]>> {
  await page.addInitScript(() => {
    const tasks: [number, number][] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  });
  return (from, to) =>
    page.evaluate(
      ([start, end]) =>
        (window as unknown as { __longTasks: [number, number][] }).__longTasks
          .filter(([at]) => at >= start && at < end)
          .map(([, duration]) => Math.round(duration)),
      [from, to] as const,
    );
}

export function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

export async function readDownload(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

/** The stored messages of the newest conversation (IndexedDB, as autosave wrote them). */
export async function storedMessages(page: Page): Promise<{ kind: string; authorId: string; text: string }[]> {
  const stored = await newestStoredConversation(page);
  return (stored?.messages ?? []).map(({ kind, authorId, text }) => ({ kind, authorId, text }));
}
