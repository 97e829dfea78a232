/**
 * Test-only (e2e builds): exposes `window.adapterHarness`, which runs PeerChat's own adapters in the browser so
 * Playwright can check them against the fake-provider server, across origins, with the browser's fetch.
 */
import { INSTANT_DEMO_PACE } from '../../src/adapters/index.ts';
import { createAdapter } from '../../src/adapters/create-adapter.ts';
import { createDemoAdapter } from '../../src/adapters/demo/adapter.ts';
import type {
  AdapterEvent,
  DemoRoomHints,
  ModelInfo,
  ProviderSettings,
  TurnError,
  TurnResult,
} from '../../src/adapters/index.ts';
import type { PeerRequest } from '../../src/core/index.ts';

export interface AdapterCall {
  settings: ProviderSettings;
  request: PeerRequest;
  /** Abort our signal after this many deltas. */
  abortAfterDeltas?: number;
  room?: DemoRoomHints;
  /** Demo only: stream without pacing. */
  instant?: boolean;
}

export interface AdapterOutcome {
  result: TurnResult;
  events: AdapterEvent[];
  /** `stream` rejected (it never should): what it threw. */
  rejected: string | null;
}

async function run(call: AdapterCall): Promise<AdapterOutcome> {
  const adapter =
    call.settings.kind === 'demo' && call.instant === true
      ? createDemoAdapter({ pace: INSTANT_DEMO_PACE })
      : createAdapter(call.settings);
  const controller = new AbortController();
  const events: AdapterEvent[] = [];
  let deltas = 0;
  try {
    const result = await adapter.stream(call.request, {
      signal: controller.signal,
      ...(call.room === undefined ? {} : { room: call.room }),
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'delta') deltas += 1;
        if (call.abortAfterDeltas !== undefined && deltas >= call.abortAfterDeltas) controller.abort();
      },
    });
    return { result, events, rejected: null };
  } catch (error) {
    const result: TurnResult = {
      status: 'error',
      text: '',
      stopReason: null,
      usage: null,
      latency: { firstTokenMs: null, totalMs: 0 },
      error: { reason: 'unknown', message: 'rejected' },
    };
    return { result, events, rejected: String(error) };
  }
}

async function listModels(settings: ProviderSettings): Promise<{ models: ModelInfo[] } | { error: TurnError }> {
  try {
    return { models: await createAdapter(settings).listModels() };
  } catch (error) {
    const detail = (error as { error?: TurnError }).error;
    return { error: detail ?? { reason: 'unknown', message: String(error) } };
  }
}

const adapterHarness = { run, listModels };

export type AdapterHarness = typeof adapterHarness;
declare global {
  interface Window {
    adapterHarness: AdapterHarness;
  }
}
window.adapterHarness = adapterHarness;
