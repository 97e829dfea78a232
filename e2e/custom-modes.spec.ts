/**
 * A mode of the human's own, end to end in the demo room: defined in the "New mode…" form, in force for the next
 * reply (its mode label), written into the room file and brought back by importing that file in a fresh browser.
 */
import { expect, test } from '@playwright/test';
import { readDownload } from './hostile.ts';
import { articles, send } from './room.ts';

test('a mode defined in the form labels the next reply, and a room file carries it to another browser', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();

  await page.getByRole('button', { name: 'New mode…' }).click();
  const form = page.getByRole('form', { name: 'New mode' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await form.getByRole('textbox', { name: 'Name' }).fill('Devil’s advocate');
  await form.getByRole('textbox', { name: 'Tagline (optional)' }).fill('Try me.');
  await form.getByRole('textbox', { name: 'Prompt' }).fill('Argue the other side of every claim.');
  await form.getByRole('combobox', { name: 'DAP preset' }).selectOption('lively');
  await form.getByRole('button', { name: 'Define mode' }).click();
  await expect(form).toHaveCount(0);
  const modes = page.getByRole('radiogroup', { name: 'Mode' });
  await expect(modes.getByRole('radio', { name: 'Devil’s advocate' })).toBeChecked();

  await send(page, '@ada what would you argue?');
  const reply = articles(page, 'ada');
  await expect(reply).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  await expect(reply.locator('header')).toContainText('Devil’s advocate v1.0');

  await page.getByRole('tab', { name: 'Settings' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export room' }).click(),
  ]);
  const file = (await readDownload(download)).toString('utf8');
  expect(JSON.parse(file)).toMatchObject({
    mode: 'devil-s-advocate',
    modes: [
      {
        id: 'devil-s-advocate',
        name: 'Devil’s advocate',
        tagline: 'Try me.',
        promptBlock: 'Argue the other side of every claim.',
        dapPreset: 'lively',
      },
    ],
  });

  // A fresh browser (nothing stored) opens on the demo room's built-in modes; the file brings the mode back.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const fresh = await other.newPage();
  fresh.on('dialog', (dialog) => void dialog.accept());
  await fresh.goto('/');
  const freshModes = fresh.getByRole('radiogroup', { name: 'Mode' });
  await expect(freshModes.getByRole('radio', { name: 'Collaborative' })).toBeChecked();
  await expect(freshModes.getByRole('radio', { name: 'Devil’s advocate' })).toHaveCount(0);
  await fresh
    .getByLabel('Import room')
    .setInputFiles({ name: 'room.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await expect(freshModes.getByRole('radio', { name: 'Devil’s advocate' })).toBeChecked();
  await other.close();
});
