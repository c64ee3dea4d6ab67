/**
 * `AskController`: what "Ask" on a card does (issue 11, "Ask"; docs/decisions.md §10).
 *
 * 1. The cancelable `peer-expert-contact` (`detail: { person, skill, activity }`) fires first,
 *    within the click (`contactFirst`, `model/contact-link.ts`); a host that handles it calls
 *    `preventDefault()` and nothing more happens.
 * 2. With a `contact` URL template, "Ask" is a link to the filled URL, which the browser
 *    follows within the click (no sign-in needed): this controller is not involved.
 * 3. Signed out, the widget asks to sign in.
 * 4. A `<peer-discussion>` in the document about the same activity with `ask()`: its composer
 *    opens with the expert mentioned (it moves focus there itself).
 * 5. Else the inline form, which posts to the activity's thread with the mention
 *    `[@Name](mention:<id>)` first; a failed post keeps the text and retries with the same
 *    idempotency key.
 * Each contact the kit made records `contacted` with its channel (`url`, `discussion`, `form`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  toPeerError,
  type PeerContextValue,
  type PeerError,
  type PersonSummary,
  type StatementInput,
} from '@peerkit/core';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';

const t = { ...messages, ...more };
import { findDiscussion, mention } from '../model/contact.js';
import type { AskForm } from '../views/ask.js';
import { contactedStatement } from '../xapi.js';

export interface AskOptions {
  peer: () => PeerContextValue | undefined;
  activity: () => string;
  announce: (text: string) => void;
  /** Shows a line asking to sign in (and announces it). */
  needSignIn: (text: string) => void;
  fail: (error: unknown) => PeerError;
  record: (statement: StatementInput) => void;
  focus: (find: () => HTMLElement | null | undefined) => void;
}

type Person = PersonSummary & { email?: string };

export class AskController implements ReactiveController {
  /** The inline form, while open. */
  form?: AskForm;
  #person?: Person;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: AskOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /**
   * "Ask" on a person's card, once `contactFirst` (`model/contact-link.ts`, within the click) has
   * fired `peer-expert-contact` and no host or `contact` link took it: the thread.
   */
  ask(person: Person, skill: string | null): void {
    this.#askInThread(person, skill);
  }

  /** "Ask in the discussion instead" (nobody found): the inline form, without a mention. */
  askAnyone(skill: string | null): void {
    this.#askInThread(null, skill);
  }

  #askInThread(person: Person | null, skill: string | null): void {
    if (!this.options.peer()?.me) {
      this.options.needSignIn(t.signInToAsk());
      return;
    }
    const discussion = person ? findDiscussion(this.options.activity()) : undefined;
    if (discussion && person) {
      const summary = { id: person.id, name: person.name, title: person.title, team: person.team };
      void discussion.ask({ person: summary, ...(skill ? { skill } : {}) }).then(
        (ok) => ok && this.options.record(contactedStatement(person, skill, 'discussion')),
        (error: unknown) => this.options.fail(error),
      );
      return;
    }
    this.#person = person ?? undefined;
    this.form = {
      personId: person?.id ?? '',
      name: person?.name ?? '',
      skill,
      text: '',
      sending: false,
      key: crypto.randomUUID(),
    };
    this.host.requestUpdate();
    this.options.focus(() => this.host.shadowRoot?.querySelector('[part~="ask-form"] textarea'));
  }

  input(text: string): void {
    if (!this.form) return;
    this.form = { ...this.form, text, error: undefined };
    this.host.requestUpdate();
  }

  cancel(): void {
    const personId = this.form?.personId;
    this.form = undefined;
    this.host.requestUpdate();
    this.options.focus(() => this.#askButton(personId));
  }

  async send(): Promise<void> {
    const form = this.form;
    const peer = this.options.peer();
    if (!form || form.sending || !peer) return;
    if (!form.text.trim()) {
      this.form = { ...form, error: t.askEmpty() };
      this.host.requestUpdate();
      return;
    }
    const person = this.#person;
    this.form = { ...form, sending: true, error: undefined };
    this.host.requestUpdate();
    const body = person ? `${mention(person)} ${form.text.trim()}` : form.text.trim();
    try {
      await peer.client.createPost(
        { activity: this.options.activity(), body },
        { idempotencyKey: form.key },
      );
      this.form = undefined;
      this.options.announce(person ? t.askSent(person.name) : t.askSentAnyone());
      if (person) this.options.record(contactedStatement(person, form.skill, 'form'));
      this.options.focus(() => this.#askButton(form.personId));
    } catch (error) {
      const e = toPeerError(error);
      this.options.fail(e);
      if (this.form?.key === form.key)
        this.form = { ...form, sending: false, error: t.askFailed() };
    }
    this.host.requestUpdate();
  }

  #askButton(personId: string | undefined): HTMLElement | null | undefined {
    const root = this.host.shadowRoot;
    if (!root) return null;
    return personId
      ? root.querySelector<HTMLElement>(`[data-person="${CSS.escape(personId)}"] [part~="ask"]`)
      : root.querySelector<HTMLElement>('[part~="combobox-input"]');
  }
}
