/**
 * The three demo voices. A demo seat's model id picks its voice (`demo-analyst`, `demo-skeptic`, `demo-explorer`);
 * any other id gets one chosen from the seat's handle.
 */

export type DemoVoiceId = 'analyst' | 'skeptic' | 'explorer';

export const DEMO_VOICE_IDS: readonly DemoVoiceId[] = ['analyst', 'skeptic', 'explorer'];

/** The model id of a voice, as listed by the demo provider. */
export function demoModelId(voice: DemoVoiceId): string {
  return `demo-${voice}`;
}

function hash(text: string): number {
  let value = 0;
  for (let i = 0; i < text.length; i++) value = (value * 31 + text.charCodeAt(i)) >>> 0;
  return value;
}

export function voiceFor(model: string, handle: string): DemoVoiceId {
  const named = DEMO_VOICE_IDS.find((voice) => model.toLowerCase() === demoModelId(voice));
  return named ?? DEMO_VOICE_IDS[hash(handle) % DEMO_VOICE_IDS.length] ?? 'analyst';
}
