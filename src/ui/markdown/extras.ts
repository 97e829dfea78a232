/**
 * Markdown extras (code highlighting, math) are heavy, so they load only when a message needs them, once per
 * page. A message asks for them by what its text contains.
 */
import type { Options } from 'react-markdown';

type PluggableList = NonNullable<Options['rehypePlugins']>;

export interface MarkdownExtras {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
}

const FENCE = /(^|\n)\s*(```|~~~)/;
const MATH = /\$\$[\s\S]+?\$\$|\\\(|\\\[|(^|[^\\$])\$[^\s$](?:[^$\n]*[^\s$])?\$(?!\d)/;

export function needsHighlighting(text: string): boolean {
  return FENCE.test(text);
}

export function needsMath(text: string): boolean {
  return MATH.test(text);
}

/**
 * Resolves when the page is idle (or after 500 ms at most): the extras take a long task to set up (highlighting
 * registers its languages), which must not stand between opening a conversation and typing into it.
 */
function whenIdle(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));
}

let highlighting: Promise<PluggableList> | undefined;
let math: Promise<{ remark: PluggableList; rehype: PluggableList }> | undefined;

function loadHighlighting(): Promise<PluggableList> {
  highlighting ??= whenIdle()
    .then(() => Promise.all([import('rehype-highlight'), import('highlight.js/styles/github-dark.css')]))
    .then(([module]) => {
      // One transformer for the page: building it registers and compiles every language again.
      const transformer = module.default({ detect: false });
      return [() => transformer];
    });
  return highlighting;
}

function loadMath() {
  math ??= whenIdle()
    .then(() => Promise.all([import('remark-math'), import('rehype-katex'), import('katex/dist/katex.min.css')]))
    .then(([remarkMath, rehypeKatex]) => ({
      remark: [remarkMath.default],
      // trust: false keeps \href and friends out; KaTeX renders text and spans only.
      rehype: [[rehypeKatex.default, { trust: false, throwOnError: false, strict: 'ignore' }]],
    }));
  return math;
}

/** Resolves the plugins a text needs; callers render plain markdown until it resolves. */
export async function loadExtrasFor(text: string): Promise<MarkdownExtras> {
  const [highlight, mathPlugins] = await Promise.all([
    needsHighlighting(text) ? loadHighlighting() : Promise.resolve([]),
    needsMath(text) ? loadMath() : Promise.resolve({ remark: [], rehype: [] }),
  ]);
  return { remarkPlugins: mathPlugins.remark, rehypePlugins: [...mathPlugins.rehype, ...highlight] };
}

/** A stable key for the set of extras a text needs, so components reload only when that set changes. */
export function extrasKey(text: string): string {
  return `${needsHighlighting(text) ? 'h' : ''}${needsMath(text) ? 'm' : ''}`;
}
