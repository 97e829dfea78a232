import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { collabModeOf, mplpBundleFiles, toMplpBundle } from './bundle.ts';
import type { MplpBundle } from './types.ts';
import type { ConversationSnapshot } from '../conversation/snapshot.ts';
import { snapshotArbitrary } from '../testing/arbitraries.ts';
import { checkInvariants, parseInvariants, type Invariant } from '../testing/mplp-invariants.ts';
import { invariantDocuments, schemaErrors } from '../testing/mplp-bundle-checks.ts';
import { findMplpDir, loadMplpSchemas, type MplpSchemas } from '../testing/mplp-schemas.ts';
import { realConversation, SECRET_KEY } from '../testing/real-conversation.ts';
import { UUID_V4_PATTERN } from './uuid.ts';

let schemas: MplpSchemas;
let mapInvariants: Invariant[];
let conversation: ConversationSnapshot;
let bundle: MplpBundle;

beforeAll(() => {
  schemas = loadMplpSchemas();
  mapInvariants = parseInvariants(schemas.read('invariants/map-invariants.yaml'));
  conversation = realConversation();
  bundle = toMplpBundle(conversation);
});

describe('MPLP schemas', () => {
  it('are found in PEERCHAT_MPLP_DIR or vendor/mplp, and all load into Ajv', () => {
    expect(schemas.files).toContain('mplp-collab.schema.json');
    expect(schemas.files).toContain('events/mplp-map-event.schema.json');
    expect(schemas.files.length).toBeGreaterThanOrEqual(10);
  });

  it('says plainly where it looked when neither folder exists', () => {
    expect(() => findMplpDir({ PEERCHAT_MPLP_DIR: '/nowhere/mplp' }, '/also-nowhere/mplp')).toThrow(
      'The MPLP v1.0 schemas were not found: looked in PEERCHAT_MPLP_DIR=/nowhere/mplp (no mplp-collab.schema.json there) and in /also-nowhere/mplp.',
    );
    expect(() => findMplpDir({}, '/also-nowhere/mplp')).toThrow(
      /PEERCHAT_MPLP_DIR \(not set\) and in \/also-nowhere\/mplp/,
    );
    expect(() => findMplpDir({}, '/also-nowhere/mplp')).toThrow(/carries them in vendor\/mplp/);
  });

  it('the invariant checker passes the golden flows and catches broken documents (self-test)', () => {
    for (const flow of ['map-flow-01-turn-taking', 'map-flow-02-broadcast-fanout']) {
      const invariants = parseInvariants(schemas.read(`golden/${flow}/invariants.yaml`));
      for (const stage of ['input', 'expected']) {
        const documents = Object.fromEntries(
          ['context', 'plan', 'collab'].map((name) => [
            name,
            JSON.parse(schemas.read(`golden/${flow}/${stage}/${name}.json`)),
          ]),
        );
        expect(checkInvariants(invariants, documents)).toEqual([]);
        expect(schemas.errors('mplp-collab.schema.json', documents.collab)).toEqual([]);
      }
    }
    const broken = structuredClone(invariantDocuments(bundle)) as ReturnType<typeof invariantDocuments>;
    (broken.collab as { mode: string }).mode = 'chaos';
    (broken.collab.participants[0] as { role_id: unknown }).role_id = 42;
    broken.trace = broken.trace.filter(
      (event) => event.event_type !== 'MAPTurnCompleted' && event.event_type !== 'MAPBroadcastReceived',
    );
    const failed = new Set(checkInvariants(mapInvariants, broken).map((failure) => failure.id));
    expect([...failed].sort()).toEqual([
      'map_broadcast_has_receivers',
      'map_collab_mode_valid',
      'map_participants_have_role_ids',
      'map_role_ids_non_empty',
      'map_turn_completion_matches_dispatch',
    ]);
  });
});

describe('toMplpBundle of a real conversation (rounds, @all, an interrupted turn, a mode change, an error)', () => {
  it('the conversation has what the test is about', () => {
    const types = conversation.events.map((event) => event.type);
    expect(types.filter((type) => type === 'round-ended').length).toBeGreaterThanOrEqual(4);
    expect(types).toContain('broadcast-sent');
    expect(types).toContain('mode-changed');
    expect(conversation.messages.map((message) => message.status)).toEqual(
      expect.arrayContaining(['interrupted', 'error', 'passed', 'complete']),
    );
  });

  it('has the documented files: context, collab, one role per participant, dialog, map events', () => {
    expect(Object.keys(bundle)).toEqual([
      'context.json',
      'collab.json',
      'roles/you.json',
      'roles/claude.json',
      'roles/gpt.json',
      'roles/gemini.json',
      'dialog.json',
      'map-events.json',
    ]);
    expect(mplpBundleFiles(bundle).map((file) => file.name)).toEqual(Object.keys(bundle));
    expect(JSON.parse(mplpBundleFiles(bundle)[1]!.text)).toEqual(bundle['collab.json']);
  });

  it('every document is valid against the MPLP v1.0 schemas (MAP payloads against their $defs too)', () => {
    expect(schemaErrors(schemas, bundle)).toEqual([]);
  });

  it('meets every invariant of map-invariants.yaml', () => {
    expect(mapInvariants.map((invariant) => invariant.id)).toHaveLength(9);
    expect(checkInvariants(mapInvariants, invariantDocuments(bundle))).toEqual([]);
  });

  it('every dispatched turn is completed after it, and events are in Lamport order', () => {
    const events = bundle['map-events.json'];
    const lamports = events.map((event) => event.payload.lamport as number);
    expect(lamports).toEqual([...lamports].sort((a, b) => a - b));
    expect(new Set(lamports).size).toBe(lamports.length);
    const dispatched = events.filter((event) => event.event_type === 'MAPTurnDispatched');
    expect(dispatched).toHaveLength(conversation.events.filter((event) => event.type === 'turn-dispatched').length);
    for (const dispatch of dispatched) {
      const completion = events.findIndex(
        (event) => event.event_type === 'MAPTurnCompleted' && event.payload.token_id === dispatch.payload.token_id,
      );
      expect(completion).toBeGreaterThan(events.indexOf(dispatch));
      expect(events[completion]!.payload.turn_number).toBe(dispatch.payload.turn_number);
    }
    expect(events.map((event) => event.event_type)).toEqual(
      expect.arrayContaining(['MAPSessionStarted', 'MAPRolesAssigned', 'MAPBroadcastSent', 'MAPBroadcastReceived']),
    );
  });

  it('uses lowercase v4 ids everywhere, and every role it names is a participant with a role file', () => {
    const ids: string[] = [];
    const walk = (value: unknown, key = ''): void => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, key));
      else if (value !== null && typeof value === 'object') {
        for (const [field, child] of Object.entries(value)) walk(child, field);
      } else if (typeof value === 'string' && /(_id|_ids|_role|_roles)$/.test(key) && key !== 'participant_id') {
        ids.push(value);
      }
    };
    walk(bundle);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => !UUID_V4_PATTERN.test(id))).toEqual([]);
    const participants = bundle['collab.json'].participants;
    const roleIds = new Set(participants.map((participant) => participant.role_id));
    const roleFiles = Object.entries(bundle).filter(([file]) => file.startsWith('roles/'));
    expect(new Set(roleFiles.map(([, role]) => (role as { role_id: string }).role_id))).toEqual(roleIds);
    for (const event of bundle['map-events.json']) {
      for (const role of [event.initiator_role, ...(event.target_roles ?? []), event.payload.role_id]) {
        if (role !== undefined) expect(roleIds).toContain(role);
      }
    }
    expect(participants.map((participant) => [participant.participant_id, participant.kind])).toEqual([
      ['human', 'human'],
      ['id-claude', 'agent'],
      ['id-gpt', 'agent'],
      ['id-gemini', 'agent'],
    ]);
  });

  it('carries each dialog message’s author in event.data, and its text verbatim', () => {
    const dialog = bundle['dialog.json'];
    expect(dialog.messages).toHaveLength(conversation.messages.length);
    dialog.messages.forEach((entry, index) => {
      const message = conversation.messages[index]!;
      expect(entry.content).toBe(message.text);
      expect(entry.role).toBe(message.kind === 'human' ? 'user' : 'agent');
      expect(entry.event.data.author).toMatchObject({
        participant_id: message.authorId,
        kind: message.kind === 'human' ? 'human' : 'agent',
      });
      expect(entry.event.data.status).toBe(message.status);
    });
    const interrupted = dialog.messages.find((entry) => entry.event.data.status === 'interrupted');
    expect(interrupted?.event.data.mode).toBe('adversarial');
  });

  it('is deterministic: the same conversation exports the same ids; another conversation gets others', () => {
    expect(toMplpBundle(conversation)).toEqual(bundle);
    const other = toMplpBundle({ ...conversation, id: 'another-conversation' });
    expect(other['collab.json'].collab_id).not.toBe(bundle['collab.json'].collab_id);
    expect(other['roles/you.json']?.role_id).not.toBe(bundle['roles/you.json']?.role_id);
    expect(bundle['roles/you.json']?.role_id).toBe(bundle['collab.json'].participants[0]?.role_id);
  });

  it('contains no API key and no provider setting', () => {
    const text = JSON.stringify(bundle);
    expect(text).not.toContain(SECRET_KEY);
    expect(text).not.toContain('api.example.test');
  });

  it('moves the log’s governance events (round ends, mode change, overrides) into collab.json events', () => {
    const types = bundle['collab.json'].events.map((event) => event.event_type);
    expect(types).toEqual(
      expect.arrayContaining([
        'peerchat.round.started',
        'peerchat.round.ended',
        'peerchat.mode.changed',
        'peerchat.human.override',
        'peerchat.dap.sampled',
      ]),
    );
    // Every logged event, plus the synthesized MAPSessionCompleted of a conversation still open.
    const mapped = bundle['map-events.json'].length + bundle['collab.json'].events.length;
    expect(mapped).toBe(conversation.events.length + 1);
  });
});

describe('collab mode rule', () => {
  it('is orchestrated when the arbiter chose speakers, and for an empty log', () => {
    expect(collabModeOf(conversation.events)).toBe('orchestrated');
    expect(collabModeOf([])).toBe('orchestrated');
  });
});

describe('MAP invariants hold where the log alone would break them', () => {
  it('a broadcast that reached nobody is recorded as undelivered, not as a MAPBroadcastSent', () => {
    const lastLamport = conversation.events.at(-1)!.lamport;
    const snapshot: ConversationSnapshot = {
      ...conversation,
      events: [
        ...conversation.events,
        {
          type: 'broadcast-sent',
          roundId: 'r9',
          messageId: 'm1',
          senderId: 'human',
          recipients: [],
          lamport: lastLamport + 1,
          at: 5_000,
        },
      ],
    };
    const result = toMplpBundle(snapshot);
    expect(checkInvariants(mapInvariants, invariantDocuments(result))).toEqual([]);
    expect(result['collab.json'].events.at(-1)?.event_type).toBe('peerchat.broadcast.undelivered');
  });
});

describe('toMplpBundle of generated conversations', () => {
  it('is always schema-valid and meets the MAP invariants', () => {
    fc.assert(
      fc.property(snapshotArbitrary, (snapshot) => {
        const generated = toMplpBundle(snapshot);
        expect(schemaErrors(schemas, generated)).toEqual([]);
        expect(checkInvariants(mapInvariants, invariantDocuments(generated))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
