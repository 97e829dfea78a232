/**
 * Test helper: runs one turn and keeps everything it reported, with an optional abort after N deltas.
 */
import type { PeerRequest } from '../../core/index.ts';
import type { AdapterEvent, PeerAdapter, StreamOptions, TurnResult } from '../types.ts';

export interface Collected {
  result: TurnResult;
  events: AdapterEvent[];
  deltas: string[];
}

export async function collectTurn(
  adapter: PeerAdapter,
  request: PeerRequest,
  options: { abortAfterDeltas?: number; signal?: AbortSignal; room?: StreamOptions['room'] } = {},
): Promise<Collected> {
  const controller = new AbortController();
  if (options.signal?.aborted === true) controller.abort();
  else options.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const events: AdapterEvent[] = [];
  const deltas: string[] = [];
  const result = await adapter.stream(request, {
    signal: controller.signal,
    ...(options.room === undefined ? {} : { room: options.room }),
    onEvent: (event) => {
      events.push(event);
      if (event.type !== 'delta') return;
      deltas.push(event.text);
      if (options.abortAfterDeltas !== undefined && deltas.length >= options.abortAfterDeltas) controller.abort();
    },
  });
  return { result, events, deltas };
}
