/* eslint-disable max-lines -- the page-side probes, each sent as source text, with their shared types */
/**
 * Code that runs inside the page (installed with `addInitScript` before the app's own scripts). Each function is
 * sent as source text, so it must not use anything from this module's scope.
 */

export interface LongTaskEntry {
  start: number;
  duration: number;
}

/** A Long Animation Frame entry (Chromium): which scripts made a frame late, for diagnosis. */
export interface LongFrameEntry {
  start: number;
  duration: number;
  blockingDuration: number;
  scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
}

export interface FrameProbeData {
  /** performance.now() at the start of every animation-frame callback. */
  frames: number[];
  longTasks: LongTaskEntry[];
  longFrames: LongFrameEntry[];
}

/**
 * Records every animation frame (a rAF loop that never stops), every main-thread long task (> 50 ms, the
 * 'longtask' entry type) and every long animation frame with its scripts.
 */
export function installFrameProbe(): void {
  const data: FrameProbeData = { frames: [], longTasks: [], longFrames: [] };
  (window as unknown as { __benchFrames: FrameProbeData }).__benchFrames = data;
  const tick = () => {
    data.frames.push(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) data.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API in this browser: none are reported.
  }
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        // The LoAF entry type is not in TypeScript's DOM library yet.
        const frame = entry as PerformanceEntry & {
          blockingDuration: number;
          scripts: { invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
        };
        data.longFrames.push({
          start: frame.startTime,
          duration: frame.duration,
          blockingDuration: frame.blockingDuration,
          scripts: frame.scripts.map((script) => ({
            invoker: script.invoker,
            sourceURL: script.sourceURL,
            sourceFunctionName: script.sourceFunctionName,
            duration: script.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API: the diagnosis has less detail.
  }
}

export interface StreamProbeOptions {
  /** Responses from URLs starting with one of these are watched (the timing proxy). */
  origins: string[];
  /** Source of the fixed-width token marker pattern. */
  markerSource: string;
  markerLength: number;
}

export interface StreamProbeData {
  /** Marker → performance.now() when the bytes carrying it came out of the fetch body stream. */
  arrivals: Record<string, number>;
  /** Marker → performance.now() of the first animation frame after the DOM first held it. */
  paints: Record<string, number>;
  responses: number;
  chunks: number;
}

/**
 * Token arrival and paint, page side.
 *
 * Arrival: `fetch` is wrapped; for the providers' responses the body getter hands the SDK a copy of the stream that
 * passes through a TransformStream, which decodes each chunk and notes the time every marker in it came through.
 * The transform's queues are large, so chunks are taken from the network as they come (whenever the main thread
 * runs), not when the SDK next reads: the SDK's own parsing and queueing count as part of the delay.
 *
 * Paint: a MutationObserver flags that the DOM changed; the next animation-frame callback reads the text of the
 * messages' answers and notes every marker seen for the first time. The store flushes streamed text in a rAF
 * callback and React commits it in that same task, so this frame is painted right after; the *next* rAF callback
 * runs once that paint is done (one frame later at 60 Hz), which is the time we record — an upper bound of the
 * paint, never an earlier time.
 */
export function installStreamProbe(options: StreamProbeOptions): void {
  const data: StreamProbeData = { arrivals: {}, paints: {}, responses: 0, chunks: 0 };
  (window as unknown as { __benchStream: StreamProbeData }).__benchStream = data;
  const pattern = new RegExp(options.markerSource, 'g');

  const watch = (body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> => {
    const decoder = new TextDecoder();
    let tail = '';
    // Generous queues on both sides: the pipe reads the network stream as soon as bytes are there, not when the SDK
    // asks for more, so "arrival" is when the page could first have known the token.
    return body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>(
        {
          transform(chunk, controller) {
            const at = performance.now();
            data.chunks++;
            const text = tail + decoder.decode(chunk, { stream: true });
            for (const match of text.matchAll(pattern)) if (!(match[0] in data.arrivals)) data.arrivals[match[0]] = at;
            tail = text.slice(-options.markerLength);
            controller.enqueue(chunk);
          },
        },
        new CountQueuingStrategy({ highWaterMark: 1_000_000 }),
        new CountQueuingStrategy({ highWaterMark: 1_000_000 }),
      ),
    );
  };

  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await originalFetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const body = response.body;
    if (!options.origins.some((origin) => url.startsWith(origin)) || body === null) return response;
    data.responses++;
    let watched: ReadableStream<Uint8Array> | undefined;
    // Lazily, so a caller that reads `response.text()` instead never finds the body locked.
    Object.defineProperty(response, 'body', {
      configurable: true,
      get: () => (watched ??= watch(body)),
    });
    return response;
  };

  let dirty = false;
  const scannedLength = new WeakMap<Element, number>();
  const observer = new MutationObserver(() => {
    dirty = true;
  });
  const observe = () =>
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) observe();
  else document.addEventListener('readystatechange', observe, { once: true });

  const scan = () => {
    if (dirty) {
      dirty = false;
      const at = performance.now();
      // The answer only: the footer after it (live token and cost estimates) changes as the reply streams, so the
      // article's whole text does not only grow at its end.
      for (const article of document.querySelectorAll('article [data-part="answer"]')) {
        const text = article.textContent ?? '';
        // Streamed text only grows at the end: rescan from a little before where the last scan stopped.
        const from = Math.max(0, (scannedLength.get(article) ?? 0) - options.markerLength);
        scannedLength.set(article, text.length);
        for (const match of text.slice(from).matchAll(pattern))
          if (!(match[0] in data.paints)) data.paints[match[0]] = at;
      }
    }
    requestAnimationFrame(scan);
  };
  requestAnimationFrame(scan);
}

export interface OpenProbeOptions {
  /** `aria-posinset` of the last message. */
  lastPosition: number;
  /** What to type into the composer to prove it takes input. */
  probeText: string;
}

export interface OpenProbeData {
  /** performance.now() of the first frame with the transcript's scroll box (the app shell) in the DOM. */
  shellAt: number | null;
  /** ...with any message article in the DOM. */
  firstArticleAt: number | null;
  /** performance.now() (ms since navigation start) of the frame after the last message was first in the DOM. */
  lastMessageAt: number | null;
  /** ...after the last message showed rendered markdown instead of its plain-text fallback. */
  markdownAt: number | null;
  /** ...after text typed into the composer (focused) showed in it: the transcript is interactive. */
  interactiveAt: number | null;
  composerFocused: boolean;
  typed: boolean;
  /** Every IndexedDB getAll the app made while opening: what, when asked, when answered, how many records. */
  storageReads: { source: string; startedAt: number; doneAt: number; records: number }[];
}

/**
 * Opening a large conversation, page side: on every animation frame, until found, look for the last message's
 * article; then, in a new task (so it queues behind whatever the app has queued, as a keystroke would), focus the
 * composer and insert text through the browser's editing path (`execCommand('insertText')`, which fires a trusted
 * `input` event like typing does); the next frame that shows the text in the composer is the interactive time.
 */
export function installOpenProbe(options: OpenProbeOptions): void {
  const data: OpenProbeData = {
    shellAt: null,
    firstArticleAt: null,
    lastMessageAt: null,
    markdownAt: null,
    interactiveAt: null,
    composerFocused: false,
    typed: false,
    storageReads: [],
  };
  (window as unknown as { __benchOpen: OpenProbeData }).__benchOpen = data;
  // Time the app's own bulk reads (Dexie's toArray() is a getAll on a store or an index).
  const wrap = <T extends IDBObjectStore | IDBIndex>(proto: T, describe: (target: T) => string) => {
    const original = proto.getAll;
    proto.getAll = function (this: T, ...args: Parameters<T['getAll']>) {
      const startedAt = performance.now();
      const request = original.apply(this, args);
      request.addEventListener('success', () =>
        data.storageReads.push({
          source: describe(this),
          startedAt,
          doneAt: performance.now(),
          records: (request.result as unknown[]).length,
        }),
      );
      return request;
    } as T['getAll'];
  };
  wrap(IDBObjectStore.prototype, (store) => store.name);
  wrap(IDBIndex.prototype, (index) => `${index.objectStore.name} by ${index.name}`);
  let typingStarted = false;
  let composer: HTMLTextAreaElement | null = null;
  const type = () => {
    composer = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="Message"]');
    if (!composer) {
      setTimeout(type, 0);
      return;
    }
    composer.focus();
    data.composerFocused = document.activeElement === composer;
    document.execCommand('insertText', false, options.probeText);
  };
  const tick = () => {
    const now = performance.now();
    if (data.shellAt === null && document.querySelector('[role="feed"]')) data.shellAt = now;
    if (data.firstArticleAt === null && document.querySelector('article')) data.firstArticleAt = now;
    if (data.lastMessageAt === null) {
      const last = document.querySelector(`article[aria-posinset="${options.lastPosition}"]`);
      if (last) data.lastMessageAt = now;
    }
    if (data.lastMessageAt !== null && data.markdownAt === null) {
      const body = document.querySelector(`article[aria-posinset="${options.lastPosition}"] .markdown`);
      if (body && body.querySelector(':scope > p.whitespace-pre-wrap') === null) data.markdownAt = now;
    }
    if (data.lastMessageAt !== null && !typingStarted) {
      typingStarted = true;
      setTimeout(type, 0);
    } else if (typingStarted && data.interactiveAt === null && composer?.value.endsWith(options.probeText)) {
      data.typed = true;
      data.interactiveAt = now;
    }
    if (data.interactiveAt === null || data.markdownAt === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export interface IdbRead {
  store: string;
  records: number;
  ms: number;
}

/**
 * Reads every record of the app's `messages` and `events` stores with the plain IndexedDB API, one store at a time
 * (the app reads both, through Dexie, when it opens a conversation): how long the storage read alone takes.
 */
export async function readStoresDirectly(): Promise<IdbRead[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('peerchat');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const reads: IdbRead[] = [];
  for (const store of ['messages', 'events']) {
    const started = performance.now();
    const records = await new Promise<number>((resolve, reject) => {
      const request = db.transaction(store, 'readonly').objectStore(store).getAll();
      request.onsuccess = () => resolve((request.result as unknown[]).length);
      request.onerror = () => reject(request.error);
    });
    reads.push({ store, records, ms: performance.now() - started });
  }
  db.close();
  return reads;
}

export interface LoadTimeline {
  responseEndMs: number;
  domContentLoadedMs: number;
  firstContentfulPaintMs: number | null;
  /** JavaScript files fetched by the page, with when each finished arriving. */
  scripts: { file: string; startMs: number; endMs: number }[];
  /** The app's own User Timing marks (`peerchat:…`, see src/main.tsx), ms from navigation start. */
  appMarks: Record<string, number>;
}

export function loadTimeline(): LoadTimeline {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const fcp = performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint');
  return {
    responseEndMs: Math.round(navigation.responseEnd),
    domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
    firstContentfulPaintMs: fcp ? Math.round(fcp.startTime) : null,
    appMarks: Object.fromEntries(
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('peerchat:'))
        .map((mark) => [mark.name.slice('peerchat:'.length), Math.round(mark.startTime)]),
    ),
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((entry) => entry.name.endsWith('.js'))
      .map((entry) => ({
        file: entry.name.split('/').pop() ?? entry.name,
        startMs: Math.round(entry.startTime),
        endMs: Math.round(entry.responseEnd),
      })),
  };
}
