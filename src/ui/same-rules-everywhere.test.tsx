// @vitest-environment jsdom
/**
 * One table of good and bad room parameters, fed to every way a value gets in: the core's rules, the store's
 * actions, a room file, a PeerChat JSON file, the forms, and opening a stored conversation. Each must accept or
 * refuse alike, with the core rule's message (a file import puts the file kind and the field's path before it).
 */
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DAP_ORDER_MESSAGE,
  DAP_PARAM_RULES,
  LIMIT_RULES,
  SEAT_SETTING_RULES,
  SEAT_TEXT_RULES,
  numberRuleMessage,
  textRuleMessage,
  validateRoomSettings,
  exportConversation,
  savedFromSnapshot,
  type ConversationSnapshot,
} from '../store/index.ts';
import type { DapOverrides, LimitOverrides, PeerSettings, PeerInput, Result, RoomData } from '../store/index.ts';
import { storeConversation, testRoom } from '../store/testing.ts';
import { LimitsEditor } from './controls/LimitsEditor.tsx';
import { RoomPanel } from './peers/RoomPanel.tsx';
import { libraryFixture, renderWithRoom } from './test-utils.tsx';

afterEach(cleanup);

type Change =
  | { dap: DapOverrides }
  | { limits: LimitOverrides }
  | { settings: Partial<PeerSettings> }
  | { seat: Pick<Partial<PeerInput>, 'displayName' | 'handle'> };

interface RuleCase {
  change: Change;
  /** Where the core's rules name the problem, and their message; null when the value is accepted. */
  refused: { path: string; message: string } | null;
}

const dap = (patch: DapOverrides, field?: string, message?: string): RuleCase => ({
  change: { dap: patch },
  refused: field
    ? {
        path: `peers[0].dap.${field}`,
        message: message ?? numberRuleMessage(DAP_PARAM_RULES[field as keyof DapOverrides]),
      }
    : null,
});
const limit = (patch: LimitOverrides, field?: keyof typeof LIMIT_RULES): RuleCase => ({
  change: { limits: patch },
  refused: field ? { path: `limits.${field}`, message: numberRuleMessage(LIMIT_RULES[field]) } : null,
});
const setting = (patch: Partial<PeerSettings>, field?: keyof typeof SEAT_SETTING_RULES): RuleCase => ({
  change: { settings: patch },
  refused: field ? { path: `peers[0].settings.${field}`, message: numberRuleMessage(SEAT_SETTING_RULES[field]) } : null,
});

// The room is the store's test room, in the collaborative mode: its quiet preset runs p between 0.15 and 0.85.
const CASES: RuleCase[] = [
  dap({ pMin: 0 }, 'pMin'),
  dap({ pMin: 0.2 }),
  dap({ pMax: 1.2 }, 'pMax'),
  dap({ pMax: 0.1 }, 'pMax', DAP_ORDER_MESSAGE),
  dap({ pMin: 0.9 }, 'pMin', DAP_ORDER_MESSAGE),
  dap({ pMin: 0.6, pMax: 0.5 }, 'pMax', DAP_ORDER_MESSAGE),
  dap({ base: 0 }),
  dap({ base: 10.5 }, 'base'),
  dap({ cooldown: 1.5 }, 'cooldown'),
  dap({ cooldown: 64 }),
  dap({ cooldownFactor: 0 }),
  dap({ dominancePenalty: -1 }, 'dominancePenalty'),
  dap({ errorBackoff: 1.01 }, 'errorBackoff'),
  limit({ maxTurnsPerRound: 0 }, 'maxTurnsPerRound'),
  limit({ maxTurnsPerRound: 100 }),
  limit({ maxTurnsPerRound: 101 }, 'maxTurnsPerRound'),
  limit({ maxDepth: 0 }),
  limit({ maxDepth: 2.5 }, 'maxDepth'),
  limit({ pingPong: 0 }, 'pingPong'),
  limit({ pingPong: 1 }),
  limit({ tokenBudget: 0 }, 'tokenBudget'),
  limit({ tokenBudget: null }),
  limit({ costBudgetUsd: 0 }, 'costBudgetUsd'),
  limit({ costBudgetUsd: 0.25 }),
  setting({ temperature: 2.5 }, 'temperature'),
  setting({ temperature: 0 }),
  setting({ maxOutputTokens: 0 }, 'maxOutputTokens'),
  setting({ contextWindow: 100 }, 'contextWindow'),
  setting({ contextWindow: 256 }),
  {
    change: { seat: { displayName: ' ' } },
    refused: { path: 'peers[0].displayName', message: textRuleMessage(SEAT_TEXT_RULES.displayName) },
  },
  // The roster's rule: Claude taking "gpt" leaves the second seat's handle taken.
  {
    change: { seat: { handle: 'gpt' } },
    refused: { path: 'peers[1].handle', message: '"gpt" is already used by @gpt.' },
  },
];

const label = (ruleCase: RuleCase) =>
  `${JSON.stringify(ruleCase.change)} → ${ruleCase.refused ? 'refused' : 'accepted'}`;

/** The room (store or snapshot shape) with the change made to its first seat or its limits. */
function changed(room: RoomData, change: Change): RoomData {
  const [first, ...rest] = room.peers;
  const seat = (patch: object) => ({ ...room, peers: [{ ...first!, ...patch }, ...rest] });
  if ('limits' in change) return { ...room, limits: { ...room.limits, ...change.limits } };
  if ('dap' in change) return seat({ dap: { ...first!.dap, ...change.dap } });
  if ('settings' in change) return seat({ settings: { ...first!.settings, ...change.settings } });
  return seat(change.seat);
}

/** The same change to a room file's JSON, which spells seats its own way. */
function changedRoomFile(file: Record<string, unknown> & { peers: Record<string, unknown>[] }, change: Change) {
  const first = file.peers[0]!;
  if ('limits' in change) file.limits = { ...(file.limits as object), ...change.limits };
  else if ('dap' in change) first.dap = { ...(first.dap as object), ...change.dap };
  else if ('settings' in change) Object.assign(first, change.settings);
  else
    Object.assign(first, { name: change.seat.displayName ?? first.name, handle: change.seat.handle ?? first.handle });
  return JSON.stringify(file);
}

const refusal = (ruleCase: RuleCase, prefix = '', path = ''): Result =>
  ruleCase.refused ? { ok: false, message: `${prefix}${path}${ruleCase.refused.message}` } : { ok: true };
const dotted = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');
const roomFilePath = (path: string) =>
  dotted(path)
    .replace('.settings.', '.')
    .replace(/\.displayName$/, '.name');

describe.each(CASES.map((ruleCase) => [label(ruleCase), ruleCase] as const))('%s', (_label, ruleCase) => {
  it('the core’s rules', () => {
    const issue = validateRoomSettings(changed(testRoom(), ruleCase.change))[0] ?? null;
    expect(issue).toEqual(ruleCase.refused);
  });

  it('the store’s actions, which change nothing when they refuse', () => {
    const { store } = renderWithRoom(<></>);
    const before = store.getState();
    const claude = before.peers[0]!;
    const { change } = ruleCase;
    const results: Result[] =
      'limits' in change
        ? [store.getState().setLimits(change.limits)]
        : 'dap' in change
          ? [store.getState().setPeerDap(claude.id, change.dap), store.getState().updatePeer(claude.id, change)]
          : 'settings' in change
            ? [store.getState().updatePeer(claude.id, { settings: { ...claude.settings, ...change.settings } })]
            : [store.getState().updatePeer(claude.id, change.seat)];
    for (const result of results) expect(result).toEqual(refusal(ruleCase));
    if (ruleCase.refused) expect(store.getState().peers).toBe(before.peers);
    if (ruleCase.refused) expect(store.getState().limits).toBe(before.limits);
    if (!('limits' in change)) {
      const seat = { ...claude, handle: 'newcomer', aliases: [] };
      const added = changed({ ...testRoom(), peers: [seat] }, change).peers[0]!;
      // A new seat taking "gpt" is refused at its own path, with the same message.
      expect(store.getState().addPeer(added)).toEqual(refusal(ruleCase));
    }
  });

  it('a room file, refused with its path', async () => {
    const { store } = renderWithRoom(<></>);
    const file = JSON.parse(store.getState().exportRoom());
    const before = store.getState().conversationId;
    const result = await store.getState().importRoom(changedRoomFile(file, ruleCase.change));
    const path = ruleCase.refused ? `${roomFilePath(ruleCase.refused.path)}: ` : '';
    expect(result).toEqual(refusal(ruleCase, 'Room file refused — ', path));
    expect(store.getState().conversationId === before).toBe(ruleCase.refused !== null);
  });

  it('a PeerChat JSON file, refused with its path and nothing stored', async () => {
    const { store } = renderWithRoom(<></>);
    const { db, library } = libraryFixture(store);
    const file = JSON.parse((await exportConversation(store.getState(), 'json')).data as string);
    file.conversation.room = changed(file.conversation.room, ruleCase.change);
    const stored = await db.conversations.count();
    const result = await library.getState().importConversation(JSON.stringify(file));
    const path = ruleCase.refused ? `conversation.room.${dotted(ruleCase.refused.path)}: ` : '';
    expect(result).toEqual(refusal(ruleCase, 'Conversation file refused — ', path));
    expect(await db.conversations.count()).toBe(ruleCase.refused ? stored : stored + 1);
  });

  it('opening a stored conversation: refused numbers are reset and named, never thrown', async () => {
    const { store } = renderWithRoom(<></>);
    const { db, library } = libraryFixture(store);
    const file = JSON.parse((await exportConversation(store.getState(), 'json')).data as string);
    const snapshot: ConversationSnapshot = {
      ...file.conversation,
      room: changed(file.conversation.room, ruleCase.change),
    };
    await storeConversation(db, savedFromSnapshot(snapshot, 'stored-before-the-rules'), Date.now());
    expect(await library.getState().open('stored-before-the-rules')).toEqual({ ok: true });
    const { notice } = store.getState();
    if (ruleCase.refused) expect(notice).toContain(`${ruleCase.refused.path}: ${ruleCase.refused.message}`);
    else expect(notice).toBeNull();
    // Whatever was reset, the room that opened follows every rule but the names it was stored with.
    const left = validateRoomSettings(store.getState()).map((issue) => issue.path);
    expect(left.every((path) => /handle|displayName/.test(path))).toBe(true);
  });

  it('the forms, where they can say the value', async () => {
    const outcome = await throughTheForms(ruleCase.change);
    if (outcome === 'not expressible') return;
    expect(outcome).toEqual(refusal(ruleCase));
  });
});

/** Types the change into the form that edits it and reads the answer; sliders cannot say every value. */
async function throughTheForms(change: Change): Promise<Result | 'not expressible'> {
  if ('limits' in change) {
    const { user } = renderWithRoom(<LimitsEditor />);
    const [field, value] = Object.entries(change.limits)[0]!;
    const input = screen.getByRole('spinbutton', { name: LIMIT_LABELS[field]! });
    await user.clear(input);
    if (value !== null) await user.type(input, String(value));
    await user.click(screen.getByRole('button', { name: 'Apply limits' }));
    return answer(screen.getByRole('form', { name: 'Limits' }));
  }
  const { user, store } = renderWithRoom(<RoomPanel />);
  const card = within(screen.getByRole('list', { name: 'Seats' })).getByRole('listitem', { name: 'Claude' });
  if ('dap' in change) {
    const entries = Object.entries(change.dap);
    const [field, value] = entries[0]!;
    const name = SLIDER_LABELS[field];
    if (entries.length > 1 || name === undefined) return 'not expressible';
    const slider = within(card).getByRole<HTMLInputElement>('slider', { name });
    if (value < Number(slider.min) || value > Number(slider.max)) return 'not expressible';
    fireEvent.change(slider, { target: { value: String(value) } });
    act(() => void fireEvent.pointerUp(slider));
    const alert = within(card).queryByRole('alert');
    if (alert) return { ok: false, message: alert.textContent ?? '' };
    expect(store.getState().peers[0]!.dap[field as keyof DapOverrides]).toBe(value);
    return { ok: true };
  }
  await user.click(screen.getByRole('button', { name: 'Edit Claude' }));
  const form = screen.getByRole('form', { name: 'Edit Claude' });
  const [field, value] = Object.entries('settings' in change ? change.settings : change.seat)[0]!;
  const input = within(form).getByLabelText(FORM_LABELS[field]!);
  await user.clear(input);
  await user.type(input, String(value));
  await user.click(within(form).getByRole('button', { name: 'Save changes' }));
  return answer(form);
}

/** The form's refusal, or `ok` once it is gone or says the change was applied. */
async function answer(form: HTMLElement): Promise<Result> {
  const alert = within(form).queryByRole('alert');
  if (alert) return { ok: false, message: alert.textContent ?? '' };
  await waitFor(() => expect(form.isConnected ? within(form).queryByRole('status') : true).toBeTruthy());
  return { ok: true };
}

const LIMIT_LABELS: Record<string, string> = {
  maxTurnsPerRound: 'Max turns per round',
  maxDepth: 'Max mention depth',
  pingPong: 'Ping-pong limit',
  tokenBudget: 'Token budget per round',
  costBudgetUsd: 'Cost budget per round (USD)',
};
const SLIDER_LABELS: Record<string, string | undefined> = { base: 'Base', pMin: 'Min p', pMax: 'Max p' };
const FORM_LABELS: Record<string, string> = {
  temperature: 'Temperature',
  maxOutputTokens: 'Max output tokens',
  contextWindow: 'Context window (tokens)',
  displayName: 'Display name',
  handle: 'Handle',
};
