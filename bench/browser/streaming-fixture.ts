/**
 * The streaming benchmark's room and replies: 8 peers over the OpenAI, Anthropic and Gemini wire formats, each
 * replying with about 1,000 tokens of ordinary Markdown (paragraphs, a list, a code block, a table) in which every
 * fourth token is a unique marker such as `k3t0042` (peer 3, token 42) that the probes can find in bytes and DOM.
 */

export interface BenchPeer {
  handle: string;
  name: string;
  provider: 'openai' | 'anthropic' | 'google';
  model: string;
}

const HANDLES = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
const PROVIDERS: BenchPeer['provider'][] = ['openai', 'anthropic', 'google'];

export function benchPeers(count = 8): BenchPeer[] {
  return HANDLES.slice(0, count).map((handle, index) => ({
    handle,
    name: handle[0]!.toUpperCase() + handle.slice(1),
    provider: PROVIDERS[index % PROVIDERS.length]!,
    model: `bench-${handle}`,
  }));
}

/** The room file (what "Import room" reads): all 8 answering `@all` at once, each provider at its own base URL. */
export function streamingRoomFile(peers: BenchPeer[], baseUrlOf: (provider: BenchPeer['provider']) => string): string {
  return JSON.stringify({
    format: 'peerchat.room',
    version: 1,
    name: 'Benchmark room',
    mode: 'collaborative',
    limits: { parallelFirstWave: true, maxTurnsPerRound: peers.length, maxDepth: 0 },
    peers: peers.map((peer) => ({
      handle: peer.handle,
      name: peer.name,
      provider: peer.provider,
      model: peer.model,
      baseURL: peer.provider === 'openai' ? `${baseUrlOf(peer.provider)}/v1` : baseUrlOf(peer.provider),
      apiKey: `bench-key-${peer.provider}`,
      contextWindow: 200_000,
      maxOutputTokens: 4096,
    })),
  });
}

/** Fixed width, so a marker cut across two network chunks never matches as a shorter one. */
export const MARKER = /\bk\dt\d{4}\b/;
export const MARKER_LENGTH = 7;

export function marker(peer: number, token: number): string {
  return `k${peer}t${String(token).padStart(4, '0')}`;
}

const PROSE = (
  'The write path batches small appends into one transaction so the log stays short and readers never wait ' +
  'on a checkpoint that could run later when the queue drains and nothing else is pending on the disk'
).split(' ');
const CODE = [
  'const batch = queue.splice(0, limit);',
  'await db.transaction(async (tx) => {',
  '  for (const row of batch) await tx.put(row);',
  '});',
  'metrics.observe(batch.length);',
];

/** About `tokens` whitespace-separated tokens of Markdown for peer `peer`, every fourth one a marker. */
export function streamingReply(peer: number, tokens: number): string {
  let count = 0;
  let next = 0;
  const word = (plain: string) => {
    count++;
    return count % 4 === 0 ? marker(peer, next++) : plain;
  };
  const sentence = (length: number, offset: number) =>
    Array.from({ length }, (_, i) => word(PROSE[(offset + i) % PROSE.length]!)).join(' ');
  const blocks: string[] = [];
  for (let section = 0; count < tokens; section++) {
    blocks.push(`### Part ${section + 1}`);
    count += 3;
    blocks.push(`${sentence(30, section)}. ${sentence(25, section + 7)}.`);
    blocks.push(Array.from({ length: 4 }, (_, i) => `- ${sentence(8, section + i)}`).join('\n'));
    if (section % 2 === 0) {
      blocks.push(['```ts', ...CODE.map((line) => `${line} // ${word('step')}`), '```'].join('\n'));
      count += CODE.length * 4;
    } else {
      blocks.push(
        ['| option | effect |', '| --- | --- |', `| ${word('batch')} | ${sentence(5, section)} |`].join('\n'),
      );
      count += 8;
    }
    blocks.push(`${sentence(20, section + 3)}.`);
  }
  return blocks.join('\n\n');
}
