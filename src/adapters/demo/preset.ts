/**
 * The demo room `npm start` opens on: three simulated peers, clearly labelled as such, one per voice.
 */
import { MODEL_CATALOG } from '../catalog.ts';
import type { ModelInfo } from '../types.ts';
import type { DemoVoiceId } from './voices.ts';
import { demoModelId } from './voices.ts';

/** Every demo display name ends with this, so a simulated peer is never mistaken for a real model. */
export const SIMULATED_SUFFIX = '(simulated)';

export interface DemoPeerPreset {
  handle: string;
  /** Display name, e.g. "Demo · Ada (simulated)". */
  name: string;
  /** A CSS colour for the peer's avatar and name. */
  color: string;
  provider: 'demo';
  model: string;
  voice: DemoVoiceId;
  /** Extra system text for the seat (profile §11 `persona`). */
  persona: string;
  contextWindow: number;
}

export interface DemoRoomPreset {
  name: string;
  /** Shown above the transcript: what this room is. */
  description: string;
  mode: 'collaborative';
  human: { handle: string; name: string };
  peers: readonly DemoPeerPreset[];
}

function demoPeer(
  handle: string,
  shortName: string,
  voice: DemoVoiceId,
  color: string,
  persona: string,
): DemoPeerPreset {
  return {
    handle,
    name: `Demo · ${shortName} ${SIMULATED_SUFFIX}`,
    color,
    provider: 'demo',
    model: demoModelId(voice),
    voice,
    persona,
    contextWindow: 32_768,
  };
}

export const DEMO_PEERS: readonly DemoPeerPreset[] = [
  demoPeer('ada', 'Ada', 'analyst', '#7c3aed', 'Analyst: structures the problem, asks for numbers, proposes steps.'),
  demoPeer('bo', 'Bo', 'skeptic', '#0891b2', 'Skeptic: looks for risks, hidden costs and weak assumptions.'),
  demoPeer('cy', 'Cy', 'explorer', '#ea580c', 'Explorer: brings other angles, alternatives and the user’s view.'),
];

export const DEMO_ROOM_PRESET: DemoRoomPreset = {
  name: 'Demo room',
  description:
    'Three simulated peers that run in your browser, with no key and no network. Their replies are canned ' +
    'and only look at the conversation; add a real provider in Providers to talk to real models.',
  mode: 'collaborative',
  human: { handle: 'you', name: 'You' },
  peers: DEMO_PEERS,
};

/** What the demo provider lists as its models. */
export function demoModels(): ModelInfo[] {
  return MODEL_CATALOG.demo.map((entry) => ({
    id: entry.id,
    label: entry.label,
    contextWindow: entry.contextWindow,
    inputPricePerMTok: 0,
    outputPricePerMTok: 0,
  }));
}
