/**
 * `ProfileController`: the signed-in person's own card and its "Edit" (issue 11, "Your own
 * profile"), over `GET /me/profile`, `GET /people/{me}` and `PATCH /me/profile` with `If-Match`
 * (docs/decisions.md §2):
 *
 * - loads both when someone is signed in (a newer person aborts the older load);
 * - "Edit" opens a form (ask-me-about, wants to learn, can mentor, availability, listed);
 * - "Save" sends only what changed, with `ifMatch` = the version the edit started from;
 * - a 412 shows the profile as it is now (`problem.current`) and keeps the edit in the form;
 *   saving again then starts from the current version (the person has seen it);
 * - a failure keeps the form, with a retry.
 */
import { html, nothing, type ReactiveController } from 'lit';
import {
  toPeerError,
  type Expert,
  type PeerClient,
  type PeerContextValue,
  type PeerError,
  type Profile,
  type UpdateProfile,
} from '@peerkit/core';
import { LoadController, type LoadHost } from '@peerkit/core/controllers';
import { messages } from '../messages.js';
import { more } from '../more-messages.js';

const t = { ...messages, ...more };
import { renderOwnCard, type ProfileDraft, type OwnCardProps } from '../views/profile.js';

export interface ProfileOptions {
  peer: () => PeerContextValue | undefined;
  activity: () => string;
  announce: (text: string) => void;
  fail: (error: unknown) => PeerError;
}

type Args = readonly [PeerClient, string, string];

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

export class ProfileController implements ReactiveController {
  profile?: Profile;
  /** One's own card, `null` when the server has none for them. */
  card?: Expert | null;
  draft?: ProfileDraft;
  saving = false;
  /** The last save met a newer version (412). */
  conflict = false;
  saveError?: PeerError;

  /** The profile the edit started from: only what the person changed from it is sent. */
  #base?: Profile;
  readonly #load: LoadController<[Profile, Expert | null], Args>;

  constructor(
    private readonly host: LoadHost,
    private readonly options: ProfileOptions,
  ) {
    host.addController(this);
    this.#load = new LoadController<[Profile, Expert | null], Args>(host, {
      args: () => {
        const peer = options.peer();
        const me = peer?.me;
        return peer && me && !peer.error
          ? ([peer.client, me.id, options.activity()] as const)
          : undefined;
      },
      task: ([client, id, activity], { signal }) =>
        Promise.all([
          client.profile({ signal }),
          client.person(id, { activity }, { signal }).catch((e: unknown) => {
            if (toPeerError(e).status === 404) return null;
            throw e;
          }),
        ]),
      onComplete: ([profile, card]) => {
        this.profile = profile;
        this.card = card;
      },
      report: true,
    });
  }

  hostConnected(): void {}

  edit(): void {
    const p = this.profile;
    if (!p) return;
    this.#base = p;
    this.draft = {
      askMeAbout: p.askMeAbout.join(', '),
      wantsToLearn: p.wantsToLearn.join(', '),
      mentor: p.mentor,
      availability: p.availability,
      listed: p.listed,
    };
    this.conflict = false;
    this.saveError = undefined;
    this.host.requestUpdate();
  }

  change(patch: Partial<ProfileDraft>): void {
    if (!this.draft) return;
    this.draft = { ...this.draft, ...patch };
    this.host.requestUpdate();
  }

  cancel(): void {
    this.draft = undefined;
    this.conflict = false;
    this.saveError = undefined;
    this.host.requestUpdate();
  }

  async save(): Promise<void> {
    const draft = this.draft;
    const profile = this.profile;
    const client = this.options.peer()?.client;
    if (!draft || !profile || !client || this.saving) return;
    this.saving = true;
    this.saveError = undefined;
    this.host.requestUpdate();
    try {
      const saved = await client.updateProfile(this.#changes(draft, this.#base ?? profile), {
        ifMatch: profile.version,
      });
      this.profile = saved;
      this.draft = undefined;
      this.conflict = false;
      this.options.announce(t.profileSaved());
      void this.#load.run();
    } catch (error) {
      const e = toPeerError(error);
      const current =
        e.status === 412
          ? (e.details.problem as { current?: Profile } | undefined)?.current
          : undefined;
      if (current) {
        this.profile = current;
        this.conflict = true;
        this.options.announce(t.profileConflict());
      } else {
        this.saveError = this.options.fail(e);
        this.options.announce(t.profileFailed());
      }
    }
    this.saving = false;
    this.host.requestUpdate();
  }

  /**
   * Only what the person changed from the profile the edit started from, so a save after a
   * 412 keeps what another tab changed in the fields this edit did not touch.
   */
  #changes(d: ProfileDraft, p: Profile): UpdateProfile {
    const out: UpdateProfile = {};
    const ask = list(d.askMeAbout);
    const learn = list(d.wantsToLearn);
    if (ask.join('\n') !== p.askMeAbout.join('\n')) out.askMeAbout = ask;
    if (learn.join('\n') !== p.wantsToLearn.join('\n')) out.wantsToLearn = learn;
    if (d.mentor !== p.mentor) out.mentor = d.mentor;
    if (d.availability !== p.availability) out.availability = d.availability;
    if (d.listed !== p.listed) out.listed = d.listed;
    return out;
  }

  /** The own card with its "Edit", or nothing while nobody is signed in. */
  render(
    uid: string,
    card: Omit<OwnCardProps, 'profile' | 'card' | 'me' | 'id' | 'draft' | 'on' | 'state'>,
  ): unknown {
    const me = this.options.peer()?.me;
    if (!me || this.#load.status === 'initial') return nothing;
    if (this.#load.status === 'pending' && !this.profile) return nothing;
    if (this.#load.status === 'error' && !this.profile) return nothing;
    return html`${renderOwnCard({
      ...card,
      id: `${uid}-own`,
      me,
      profile: this.profile!,
      card: this.card ?? null,
      draft: this.draft,
      state: { saving: this.saving, conflict: this.conflict, failed: !!this.saveError },
      on: {
        edit: () => this.edit(),
        change: (patch) => this.change(patch),
        save: () => void this.save(),
        cancel: () => this.cancel(),
      },
    })}`;
  }
}
