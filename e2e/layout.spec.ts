/** The layout at a desktop and a phone width: every peer's chip and controls stay in reach. */
import { expect, test } from '@playwright/test';
import { openRoom, roomFile, type TestPeer } from './room.ts';

const EIGHT: TestPeer[] = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'].map(
  (handle, index) => ({
    handle,
    name: handle[0]!.toUpperCase() + handle.slice(1),
    provider: (['openai', 'anthropic', 'google', 'openai-compatible'] as const)[index % 4]!,
    model: `layout-${handle}`,
  }),
);

for (const viewport of [
  { width: 1366, height: 820 },
  { width: 390, height: 844 },
]) {
  test(`eight peers at ${viewport.width} px: every chip is whole on screen and its controls work`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openRoom(page, roomFile(EIGHT));
    const bar = page.getByRole('list', { name: 'Peers' });
    const chips = bar.getByRole('listitem');
    await expect(chips).toHaveCount(8);
    // Nothing hides sideways: the bar never scrolls horizontally (it wraps; at most it scrolls down).
    expect(await bar.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(0);
    for (const peer of EIGHT) {
      const chip = chips.filter({ hasText: peer.name });
      await chip.scrollIntoViewIfNeeded();
      const box = (await chip.boundingBox())!;
      // Whole within the page's width: nothing cut off at either side.
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      await expect(chip.getByRole('button', { name: `Mute ${peer.name}` })).toBeInViewport({ ratio: 1 });
    }
    // The last peer's control is used, not only seen.
    await chips.filter({ hasText: 'Hotel' }).getByRole('button', { name: 'Mute Hotel' }).click();
    await expect(chips.filter({ hasText: 'Hotel' }).getByRole('button', { name: 'Unmute Hotel' })).toBeVisible();
  });
}
