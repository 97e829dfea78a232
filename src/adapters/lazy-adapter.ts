/**
 * An adapter whose code (and so its provider's wrapper and SDK) is fetched on first use, keeping every provider
 * out of the first page load. If the code cannot be fetched, the turn fails with a `network` error instead of
 * rejecting, as the interface promises.
 */
import type { PeerAdapter, ProviderSettings, StreamOptions, TurnResult } from './types.ts';
import type { PeerRequest } from '../core/index.ts';

const NOT_LOADED = 'PeerChat could not load the code for this provider. Check the connection and try again.';

export function createLazyAdapter(settings: ProviderSettings): PeerAdapter {
  let adapter: Promise<PeerAdapter> | undefined;
  const load = () => {
    adapter ??= import('./create-adapter.ts').then(({ createAdapter }) => createAdapter(settings));
    adapter.catch(() => (adapter = undefined));
    return adapter;
  };
  return {
    kind: settings.kind,
    async stream(request: PeerRequest, options: StreamOptions): Promise<TurnResult> {
      const started = Date.now();
      try {
        return await (await load()).stream(request, options);
      } catch {
        return {
          status: 'error',
          text: '',
          stopReason: null,
          usage: null,
          latency: { firstTokenMs: null, totalMs: Date.now() - started },
          error: { reason: 'network', message: NOT_LOADED },
        };
      }
    },
    async listModels(signal?: AbortSignal) {
      return (await load()).listModels(signal);
    },
  };
}
