/**
 * What the card's controllers need of `<peer-reflection-card>`, as functions so they always
 * read the element's current state (the provider can arrive or change later).
 */
import type { ReactiveControllerHost } from 'lit';
import type { PeerClient, PeerError, Recorder, Visibility } from '@peerkit/core';
import type { Prompt } from '../model/prompts.js';

export interface CardContext {
  host: ReactiveControllerHost & HTMLElement;
  client(): PeerClient | null;
  recorder(): Recorder | undefined;
  /** The activity IRI the card is about. */
  activity(): string;
  locale(): string;
  online(): boolean;
  /** The questions in use. */
  prompts(): readonly Prompt[];
  /** The `visibility` attribute: what a new reflection starts with. */
  visibility(): Visibility;
  /** The draft's storage key, or `null` while nobody is signed in (or not known yet). */
  draftKey(): string | null;
  /** `peer-error` for `error`, returned as a `PeerError`. */
  fail(error: unknown): PeerError;
  /** Says `text` politely (the card's `Announcer`). */
  announce(text: string): void;
  /** The first element of the card's shadow root matching `selector`. */
  query<E extends Element = HTMLElement>(selector: string): E | null;
  /** Focuses what `find()` returns after the next update. */
  focus(find: () => HTMLElement | null | undefined): void;
}
