/**
 * Functions handed to Playwright's `addInitScript`/`evaluate` are sent as source text. tsx compiles with esbuild's
 * keepNames, which wraps inner functions in `__name(fn, "name")` calls that do not exist in the page; this init
 * script defines a no-op `__name` first, so those functions run there unchanged. It touches nothing of the app.
 */
import type { BrowserContext } from '@playwright/test';

export const NAME_SHIM = 'globalThis.__name ??= (target) => target;';

export async function addNameShim(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: NAME_SHIM });
}
