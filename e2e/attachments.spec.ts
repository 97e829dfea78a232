/**
 * Attachments end to end: an image, a text file and a PDF attached in the composer, sent to four peers on the four
 * wire formats (OpenAI Chat, OpenAI Responses, Anthropic, Gemini) and one that cannot see images, with the exact
 * content each provider received; and the files still on the message after a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { minimalPdf } from '../src/store/attachments/testing/minimal-pdf.ts';
import { requestsFor } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, type TestPeer } from './room.ts';
import { newestStoredConversation } from './stored.ts';

/** A valid 1×1 PNG: small enough that it is sent as is (no scaling), so its base64 is known. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PDF_TEXT = 'Quarterly revenue grew 12 percent';
const PDF = Buffer.from(minimalPdf(PDF_TEXT));
const NOTES = 'line one\nline two';

const PEERS: TestPeer[] = [
  { handle: 'alpha', name: 'Alpha', provider: 'openai', model: 'e2e-attach-chat' },
  // An OpenAI model the Responses API serves (codex), so the seat speaks that wire format.
  { handle: 'beta', name: 'Beta', provider: 'openai', model: 'e2e-attach-codex' },
  { handle: 'gamma', name: 'Gamma', provider: 'anthropic', model: 'e2e-attach-claude' },
  { handle: 'delta', name: 'Delta', provider: 'google', model: 'e2e-attach-gemini' },
  // In the catalog as a model without vision.
  { handle: 'epsilon', name: 'Epsilon', provider: 'openai', model: 'o3-mini' },
];

const TEXT_FILE = `<file name="notes.txt">\n${NOTES}\n</file>`;
const PDF_FILE = `<file name="report.pdf">\n${PDF_TEXT}\n</file>`;
const HUMAN_TEXT = /^\[@you \(You\)\]:\nCompare these files\./;

async function attach(page: Page) {
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'chart.png', mimeType: 'image/png', buffer: Buffer.from(PNG_BASE64, 'base64') },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(NOTES) },
    { name: 'report.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  const pending = page.getByRole('list', { name: 'Files to send' });
  for (const name of ['chart.png', 'notes.txt', 'report.pdf'])
    await expect(pending.locator(`[data-attachment="${name}"]`)).toBeVisible();
}

/** The body content of the one message that carries the attachments, as the provider logged it. */
async function attachedContent(model: string, pick: (body: Record<string, unknown[]>) => unknown[]) {
  const [logged] = await requestsFor(model);
  const entries = pick(logged?.body as Record<string, unknown[]>) as { content?: unknown; parts?: unknown }[];
  return entries.find((entry) => Array.isArray(entry.content ?? entry.parts));
}

test('an image, a text file and a PDF reach each provider in its own shape, and survive a reload', async ({ page }) => {
  test.setTimeout(60_000);
  await openRoom(page, roomFile(PEERS));
  await attach(page);
  await expect(page.getByText('Epsilon cannot see images; it will get the file name only.')).toBeVisible();

  // A chip's remove button takes the file off the message.
  await page
    .getByLabel('Attach files')
    .setInputFiles([{ name: 'extra.md', mimeType: 'text/markdown', buffer: Buffer.from('x') }]);
  await page.getByRole('button', { name: 'Remove extra.md' }).click();
  await expect(page.locator('[data-attachment="extra.md"]')).toHaveCount(0);

  await send(page, 'Compare these files. @all');
  await expectRoundEnd(page, 'queue-empty', { timeout: 30_000 });
  const human = articles(page, 'you');
  for (const name of ['chart.png', 'notes.txt', 'report.pdf'])
    await expect(human.locator(`[data-attachment="${name}"]`)).toBeVisible();

  expect(await attachedContent('e2e-attach-chat', (body) => body.messages!)).toEqual({
    role: 'user',
    content: [
      { type: 'text', text: expect.stringMatching(HUMAN_TEXT) },
      { type: 'text', text: '[file: chart.png]' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_BASE64}` } },
      { type: 'text', text: TEXT_FILE },
      { type: 'text', text: PDF_FILE },
    ],
  });
  expect(await attachedContent('e2e-attach-codex', (body) => body.input!)).toEqual({
    role: 'user',
    content: [
      { type: 'input_text', text: expect.stringMatching(HUMAN_TEXT) },
      { type: 'input_text', text: '[file: chart.png]' },
      { type: 'input_image', image_url: `data:image/png;base64,${PNG_BASE64}`, detail: 'auto' },
      { type: 'input_text', text: TEXT_FILE },
      { type: 'input_text', text: PDF_FILE },
    ],
  });
  const pdfBase64 = PDF.toString('base64');
  expect(await attachedContent('e2e-attach-claude', (body) => body.messages!)).toEqual({
    role: 'user',
    content: [
      { type: 'text', text: expect.stringMatching(HUMAN_TEXT) },
      { type: 'text', text: '[file: chart.png]' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_BASE64 } },
      { type: 'text', text: TEXT_FILE },
      { type: 'text', text: '[file: report.pdf]' },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdfBase64 } },
    ],
  });
  expect(await attachedContent('e2e-attach-gemini', (body) => body.contents!)).toEqual({
    role: 'user',
    parts: [
      { text: expect.stringMatching(HUMAN_TEXT) },
      { text: '[file: chart.png]' },
      { inlineData: { mimeType: 'image/png', data: PNG_BASE64 } },
      { text: TEXT_FILE },
      { text: '[file: report.pdf]' },
      { inlineData: { mimeType: 'application/pdf', data: pdfBase64 } },
    ],
  });
  expect(await attachedContent('o3-mini', (body) => body.messages!)).toEqual({
    role: 'user',
    content: [
      { type: 'text', text: expect.stringMatching(HUMAN_TEXT) },
      { type: 'text', text: '[image attached: chart.png — this model cannot see images]' },
      { type: 'text', text: TEXT_FILE },
      { type: 'text', text: PDF_FILE },
    ],
  });

  // Autosave has written the message with its files: a reload shows them (the image from IndexedDB).
  await expect
    .poll(async () => (await newestStoredConversation(page))?.messages.some((message) => message.kind === 'peer'))
    .toBe(true);
  await page.reload();
  const restored = articles(page, 'you');
  for (const name of ['chart.png', 'notes.txt', 'report.pdf'])
    await expect(restored.locator(`[data-attachment="${name}"]`)).toBeVisible();
  await expect(restored.locator('[data-attachment="chart.png"] img')).toHaveAttribute('src', /^blob:/);
});

test('a file over its cap is refused with a message naming it, and nothing is attached', async ({ page }) => {
  await openRoom(page, roomFile(PEERS));
  const big = Buffer.alloc(1.5 * 1024 * 1024, 'a');
  await page.getByLabel('Attach files').setInputFiles([{ name: 'huge.txt', mimeType: 'text/plain', buffer: big }]);
  await expect(page.getByRole('alert')).toHaveText('"huge.txt" is 1.5 MB: Text files can be at most 1 MB.');
  await expect(page.locator('[data-attachment]')).toHaveCount(0);
});

test('a pasted screenshot and a dropped file join the message', async ({ page }) => {
  await openRoom(page, roomFile(PEERS));
  await page.getByRole('textbox', { name: 'Message' }).evaluate((textarea, png) => {
    const bytes = Uint8Array.from(atob(png), (char) => char.charCodeAt(0));
    const data = new DataTransfer();
    data.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, PNG_BASE64);
  await page.getByRole('form', { name: 'Composer' }).evaluate((form) => {
    const data = new DataTransfer();
    data.items.add(new File(['dropped'], 'dropped.txt', { type: 'text/plain' }));
    form.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  const pending = page.getByRole('list', { name: 'Files to send' });
  await expect(pending.locator('[data-attachment="screenshot.png"]')).toBeVisible();
  await expect(pending.locator('[data-attachment="dropped.txt"]')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Message' })).toHaveValue('');
});

test('a large image is scaled down in the browser to 1568 px on its longest side', async ({ page }) => {
  await openRoom(page, roomFile(PEERS));
  await page.getByRole('textbox', { name: 'Message' }).evaluate(async (textarea) => {
    const canvas = new OffscreenCanvas(3000, 1500);
    const context = canvas.getContext('2d')!;
    context.fillStyle = '#3366cc';
    context.fillRect(0, 0, 3000, 1500);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(new File([blob], 'wide.png', { type: 'image/png' }));
    textarea.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  const thumbnail = page.locator('[data-attachment="wide.png"] img');
  await expect(thumbnail).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => thumbnail.evaluate((image: HTMLImageElement) => [image.naturalWidth, image.naturalHeight]))
    .toEqual([1568, 784]);
});
