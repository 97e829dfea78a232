/**
 * Accessibility: axe-core (WCAG 2.1 A and AA, and best practice) finds nothing on each view of the built app, on a
 * desktop and a phone, in the light and the dark theme.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { script } from './fake-control.ts';
import { articles, expectRoundEnd, openRoom, roomFile, send, threePeers } from './room.ts';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// Each view is analysed in turn, which takes a few seconds each.
test.describe.configure({ timeout: 120_000 });

/** The violations on the page as it is now, one line each (rule, impact, where). */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim()}`,
    ),
  );
}

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const button = page.getByRole('button', { name: theme === 'dark' ? 'Dark theme' : 'Light theme' });
  if (await button.isVisible()) await button.click();
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
}

async function finishedRound(page: Page, prefix: string): Promise<void> {
  const peers = threePeers(prefix);
  await openRoom(page, roomFile(peers));
  await script(peers[0]!.model, {
    text: 'Alpha: **one** point, and a [link](https://example.com).',
    tokensPerSecond: 400,
  });
  await script(peers[1]!.model, { text: 'Beta agrees.\n\n- a list\n- of two', tokensPerSecond: 400 });
  await send(page, '@alpha @beta what do you think?');
  await expect(articles(page, 'beta')).toHaveAttribute('data-status', 'complete');
  await expectRoundEnd(page, 'queue-empty');
}

for (const theme of ['light', 'dark'] as const) {
  test(`desktop, ${theme}: the room after a round, each side tab, and the add-peer form`, async ({ page }) => {
    await page.setViewportSize({ width: 1366, height: 820 });
    await finishedRound(page, `a11y-desktop-${theme}`);
    await setTheme(page, theme);
    const found: Record<string, string[]> = {};
    found.room = await violations(page);
    for (const tab of ['Events', 'Providers', 'Settings', 'Room']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
      found[tab] = await violations(page);
    }
    await page.getByRole('tabpanel', { name: 'Room' }).getByRole('button', { name: 'Add peer' }).click();
    found['add peer'] = await violations(page);
    await page.getByRole('button', { name: 'Add an AI' }).click();
    await expect(page.getByRole('dialog', { name: 'Add an AI' })).toBeVisible();
    found['add an AI'] = await violations(page);
    await page.keyboard.press('Escape');
    expect(found).toEqual({
      room: [],
      Events: [],
      Providers: [],
      Settings: [],
      Room: [],
      'add peer': [],
      'add an AI': [],
    });
  });

  test(`phone, ${theme}: the room and the conversations drawer`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await finishedRound(page, `a11y-phone-${theme}`);
    await setTheme(page, theme);
    const found: Record<string, string[]> = { room: await violations(page) };
    await page.getByRole('button', { name: 'Conversations' }).click();
    await expect(page.getByRole('dialog', { name: 'Conversations' })).toBeVisible();
    found.conversations = await violations(page);
    await page.getByRole('button', { name: 'Close conversations' }).click();
    await page.getByRole('button', { name: 'Panels' }).click();
    found.panels = await violations(page);
    expect(found).toEqual({ room: [], conversations: [], panels: [] });
  });
}
