/**
 * One reducer step as a draft: a private deep copy of the state that the step's helpers change, plus the effects
 * and events it produces. The caller's state is never touched, so `reduceArbiter` stays a pure function.
 */
import { stampEvent } from '../events/lamport.ts';
import type { CoreEvent, CoreEventBody } from '../events/types.ts';
import type { ArbiterEffect, ArbiterInputType, ArbiterState, ArbiterStep } from './types.ts';

export class StepDraft {
  readonly state: ArbiterState;
  private readonly effects: ArbiterEffect[] = [];
  private readonly events: CoreEvent[] = [];

  constructor(
    base: ArbiterState,
    /** The time of the input being handled. */
    readonly at: number,
  ) {
    this.state = structuredClone(base);
  }

  /** Appends an event stamped with the next Lamport value. */
  record(body: CoreEventBody): void {
    const { event, lamport } = stampEvent(this.state.lamport, this.at, body);
    this.state.lamport = lamport;
    this.events.push(event);
  }

  /** Asks the driver to do something. */
  effect(effect: ArbiterEffect): void {
    this.effects.push(effect);
  }

  /** Refuses an input without changing anything else. */
  reject(input: ArbiterInputType, message: string): void {
    this.effects.push({ type: 'input-rejected', input, message });
  }

  finish(): ArbiterStep {
    return { state: this.state, effects: this.effects, events: this.events };
  }
}
