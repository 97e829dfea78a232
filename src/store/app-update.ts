/**
 * The installed app's updates: the service worker (vite.config.ts, `installable`) is registered once the page has
 * drawn; when a new version of the app has been downloaded, `updateReady` is set, and `apply` reloads into it. Until
 * then the running version stays, so nothing typed is lost to a surprise reload.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { registerSW } from 'virtual:pwa-register';

export interface AppUpdateState {
  /** A new version is downloaded and waits for a reload. */
  updateReady: boolean;
  /** Reloads into the new version. */
  apply(): void;
  /** Hides the prompt for this visit (the new version then starts with the next one). */
  dismiss(): void;
}

export const appUpdateStore = createStore<AppUpdateState>((set) => ({
  updateReady: false,
  apply: () => {},
  dismiss: () => set({ updateReady: false }),
}));

export function useAppUpdate<T>(selector: (state: AppUpdateState) => T): T {
  return useStore(appUpdateStore, selector);
}

/** The build's registration (`virtual:pwa-register`), passed in by the composition root (src/main.tsx). */
export type LoadRegistration = () => Promise<{ registerSW: typeof registerSW }>;

/**
 * How long the page must have been open before the service worker is registered. Installing it downloads and
 * compiles the whole app in the background, which on a small machine slowed the opening it competed with by a few
 * hundred milliseconds; once installed, it makes every later opening faster (its scripts come compiled).
 */
const REGISTER_AFTER_MS = 3_000;

/** Resolves `ms` after the call, at a moment the page is idle. */
function idleAfter(ms: number): Promise<void> {
  return new Promise((resolve) =>
    setTimeout(() => {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 2_000 });
      else resolve();
    }, ms),
  );
}

/** Registers the service worker (once; not where the browser has none), a few idle seconds after opening. */
export async function startServiceWorker(load: LoadRegistration): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  await idleAfter(REGISTER_AFTER_MS);
  const { registerSW } = await load();
  const update = registerSW({
    onNeedRefresh: () => appUpdateStore.setState({ updateReady: true }),
    onRegisterError: (error: unknown) => console.warn('PeerChat works without offline support here:', error),
  });
  appUpdateStore.setState({ apply: () => void update(true) });
}
