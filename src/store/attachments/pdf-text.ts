/**
 * The text of a PDF, extracted in the browser by pdf.js. Loaded with `import()` only when a PDF is attached (pdf.js
 * is large). The legacy build runs in every browser the app supports and in Node (the tests); its worker is a
 * separate file of the build (`?url`), or, where there are no Workers (Node), runs in this thread.
 */
import type { DocumentInitParameters } from 'pdfjs-dist/types/src/display/api';

/** The most pages read: a longer PDF's text is cut there, with a note. */
export const MAX_PDF_PAGES = 500;

const NODE_WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
}

async function loadPdfJs() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (typeof Worker === 'undefined') {
    // No Workers here (Node): pdf.js takes its worker from this global and runs it in the same thread. The
    // specifier is left to the runtime so the build does not bundle a second copy of the worker for browsers.
    const worker: unknown = await import(/* @vite-ignore */ NODE_WORKER);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= worker;
  } else if (pdfjs.GlobalWorkerOptions.workerSrc === '') {
    const { default: workerUrl } = await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  }
  return pdfjs;
}

/** The text of every page, pages separated by a blank line. Rejects when the bytes are not a readable PDF. */
export async function extractPdfText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  // pdf.js takes the buffer over: give it a copy so the caller's bytes stay usable.
  const params: DocumentInitParameters = { data: bytes.slice(), isEvalSupported: false, verbosity: 0 };
  const document = await pdfjs.getDocument(params).promise;
  try {
    const pages: string[] = [];
    const count = Math.min(document.numPages, MAX_PDF_PAGES);
    for (let number = 1; number <= count; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const text = (content.items as TextItemLike[])
        .map((item) => (item.str ?? '') + (item.hasEOL === true ? '\n' : ''))
        .join('');
      pages.push(text.trim());
    }
    if (document.numPages > count) pages.push(`[… ${document.numPages - count} more pages not read]`);
    return pages.join('\n\n').trim();
  } finally {
    await document.destroy();
  }
}
