/**
 * What `<peer-kudos>` does once the person has chosen: the request (with the choice's
 * idempotency key), and what a confirmed change means (the announcement, the event, the xAPI
 * statement). Not part of the first paint: the element imports this module when the pointer or
 * the focus reaches its button (with the popover), or with the first choice. The optimistic
 * count does not wait for it.
 */
import { formatNumber, msg, plural, str, type KudosCount, type PeerClient } from '@peerkit/core';
import { bdi, fill, slot } from '@peerkit/core/bidi';
import { PeerKudosGivenEvent, PeerKudosWithdrawnEvent } from './events.js';
import { kudosStatement } from './xapi.js';

const t = {
  thanked: (name: string) => msg(str`You thanked ${name}.`, { id: 'kudos.thanked' }),
  gave: () => msg('You gave kudos.', { id: 'kudos.gave' }),
  did: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} person did.`, { id: 'kudos.did.one' }),
      other: () => msg(str`${f} people did.`, { id: 'kudos.did.other' }),
    });
  },
  withdrew: () => msg('You withdrew your kudos.', { id: 'kudos.withdrew' }),
  remaining: (n: number, locale: string) => {
    const f = formatNumber(n, locale);
    return plural(n, locale, {
      one: () => msg(str`${f} person gave kudos.`, { id: 'kudos.remaining.one' }),
      other: () => msg(str`${f} people gave kudos.`, { id: 'kudos.remaining.other' }),
    });
  },
};

/** A choice: give (with an optional value and message) or withdraw. */
export interface Choice {
  mine: boolean;
  value?: string;
  message?: string;
  /** The choice's `Idempotency-Key`, reused when the person retries it. */
  key: string;
}

/** Where the choice applies. */
export interface Target {
  activity: string;
  /** The person thanked (`recipient`). */
  recipient?: string;
  /** Their display name, for the announcement (`recipient-name`). */
  recipientName?: string;
  locale: string;
}

/** The request for `choice` (`POST /kudos` or `DELETE /kudos`), with its idempotency key. */
export function send(client: PeerClient, target: Target, choice: Choice): Promise<KudosCount> {
  const options = { idempotencyKey: choice.key };
  const { activity, recipient } = target;
  if (!choice.mine) return client.withdrawKudos(activity, options);
  const { value, message } = choice;
  return client.giveKudos(
    {
      activity,
      ...(recipient ? { recipient } : {}),
      ...(value ? { value } : {}),
      ...(message ? { message } : {}),
    },
    options,
  );
}

/**
 * What a change the server confirmed (`after`) means: the announcement (its text, and the
 * same with the recipient's name in a `<bdi>`, as it may be Hebrew), the event to fire and
 * the statement to record.
 */
export function confirmed(target: Target, choice: Choice, after: KudosCount) {
  const { activity, locale, recipientName: name } = target;
  const recipient = target.recipient ?? null;
  let announcement: [text: string, content?: unknown];
  let event: PeerKudosGivenEvent | PeerKudosWithdrawnEvent;
  if (after.mine) {
    const did = t.did(after.count, locale);
    const sentence = `${t.thanked(slot(0))} ${did}`;
    announcement = name
      ? [fill(sentence, [name]).join(''), fill(sentence, [bdi(name)])]
      : [`${t.gave()} ${did}`];
    event = new PeerKudosGivenEvent({
      activity,
      recipient,
      value: choice.value ?? null,
      message: choice.message ?? null,
      count: after.count,
    });
  } else {
    announcement = [`${t.withdrew()} ${t.remaining(after.count, locale)}`];
    event = new PeerKudosWithdrawnEvent({ activity, recipient, count: after.count });
  }
  const statement = kudosStatement({
    activity,
    mine: after.mine,
    recipient: target.recipient,
    value: choice.value,
    message: choice.message,
  });
  return { announcement, event, statement };
}
