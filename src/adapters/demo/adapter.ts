/**
 * The demo provider (kind `demo`): simulated peers in the browser, no key, no network. They are a demo of the room,
 * not a fake of a provider (the real adapters are tested against the fake-provider server).
 */
import { resolvePolicy } from '../runtime/policy.ts';
import { runTurn } from '../runtime/run-turn.ts';
import type { PeerAdapter } from '../types.ts';
import { demoDriver } from './driver.ts';
import type { DemoPace } from './pace.ts';
import { DEFAULT_DEMO_PACE } from './pace.ts';
import { demoModels } from './preset.ts';

export interface DemoAdapterOptions {
  /** Streaming pace; tests pass `INSTANT_DEMO_PACE`. */
  pace?: DemoPace;
}

export function createDemoAdapter(options: DemoAdapterOptions = {}): PeerAdapter {
  const pace = options.pace ?? DEFAULT_DEMO_PACE;
  const policy = resolvePolicy({ kind: 'demo', retry: { maxRetries: 0 } });
  return {
    kind: 'demo',
    stream: (request, streamOptions) =>
      runTurn(demoDriver(pace, streamOptions.room), request, streamOptions, {
        policy,
        messages: { provider: 'the demo peer', model: request.model },
        secrets: [],
      }),
    listModels: () => Promise.resolve(demoModels()),
  };
}
