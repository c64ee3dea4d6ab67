/**
 * Text a person wrote takes its direction from its own content (issue 15 #1): Hebrew reads
 * right to left inside an English page, English left to right inside an Arabic page, in
 * post bodies, the composer and its preview, names and titles, and report notes.
 */
import { failOnLitWarnings } from '../support/lit-warnings.js';
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';
import type { PeerDiscussion } from '@peerkit/discussion';
import { $, $$, api, article, mount, rootTextarea, seedPost, type, unmountAll } from './helpers.js';
import { SEED, signIn, uniqueActivity } from '../support/server.js';

const HEBREW = 'שלום לכולם, מה שלומכם?';
const direction = (node: Element) => getComputedStyle(node).direction;

/** The innermost element of `root` whose whole text is `text`. */
function holding(root: ParentNode, text: string): Element {
  const all = [...root.querySelectorAll('*')].filter((e) => e.textContent?.trim() === text);
  const found = all.find((e) => ![...e.children].some((c) => c.textContent?.trim() === text));
  if (!found) throw new Error(`nothing holds exactly "${text}"`);
  return found;
}

/** A container whose language and direction are `lang` / `dir`, as a host page would set. */
function page(lang: string, dir: 'ltr' | 'rtl'): HTMLElement {
  const div = document.createElement('div');
  div.lang = lang;
  div.dir = dir;
  document.body.append(div);
  return div;
}

describe('<peer-discussion> text in its own direction', () => {
  failOnLitWarnings();
  const pages: HTMLElement[] = [];
  afterEach(() => {
    unmountAll();
    for (const p of pages.splice(0)) p.remove();
  });

  it('a Hebrew post reads right to left in an English page', async () => {
    const activity = uniqueActivity('bidi-he');
    await seedPost(await signIn(SEED.member), activity, HEBREW);
    const parent = page('en', 'ltr');
    pages.push(parent);
    const { el } = await mount({ activity, parent, person: SEED.colleague });
    const body = article(el, HEBREW).querySelector('[part~="body"] p')!;
    expect(direction(body)).to.equal('rtl');
  });

  it('an English post and its author read left to right in an Arabic page', async () => {
    const activity = uniqueActivity('bidi-ar');
    await seedPost(await signIn(SEED.member), activity, 'Hello everyone, how are you?');
    const parent = page('ar', 'rtl');
    pages.push(parent);
    const { el } = await mount({ activity, parent, person: SEED.colleague });
    const post = article(el, 'Hello everyone');
    expect(direction(post.querySelector('[part~="body"] p')!)).to.equal('ltr');
    expect(direction(holding(post.querySelector('.meta')!, 'Ana Ruiz'))).to.equal('ltr');
    // The reply box names the author inside an Arabic sentence: the name keeps its direction.
    $<HTMLButtonElement>(el, '[data-action="reply"]')!.click();
    await waitUntil(() => $(el, '[data-mode="reply"] label'), 'the reply box');
    expect(direction(holding($(el, '[data-mode="reply"] label')!, 'Ana Ruiz'))).to.equal('ltr');
  });

  it('the composer and its preview follow what is typed', async () => {
    const parent = page('en', 'ltr');
    pages.push(parent);
    const { el } = await mount({ parent, person: SEED.member });
    const textarea = rootTextarea(el);
    type(textarea, HEBREW);
    await el.updateComplete;
    expect(direction(textarea)).to.equal('rtl');
    $$<HTMLButtonElement>(el, '[part~="composer"] button')
      .find((b) => b.textContent?.includes('Preview'))!
      .click();
    await el.updateComplete;
    expect(direction(holding($(el, '.preview')!, HEBREW))).to.equal('rtl');
  });

  it("a report's Hebrew note reads right to left in the moderators' English queue", async function () {
    this.timeout(20_000);
    const activity = uniqueActivity('bidi-report');
    const post = await seedPost(await signIn(SEED.member), activity, 'A remark');
    await api(await signIn(SEED.colleague), 'POST', `/posts/${post.id}/reports`, {
      reason: 'other',
      note: HEBREW,
    });
    const parent = page('en', 'ltr');
    pages.push(parent);
    const { el } = await mount({ activity, parent, person: SEED.moderator });
    $$<HTMLButtonElement>(el, 'header button')
      .find((b) => b.textContent?.trim() === 'Reports')!
      .click();
    await waitUntil(() => $$(el, '.report').length === 1, 'the open report');
    expect(direction(holding($(el, '.report')!, HEBREW))).to.equal('rtl');
  });

  it('the report dialog takes the note in the direction it is written', async () => {
    const activity = uniqueActivity('bidi-dialog');
    await seedPost(await signIn(SEED.member), activity, 'Something to report');
    const parent = page('en', 'ltr');
    pages.push(parent);
    const { el } = await mount({ activity, parent, person: SEED.colleague });
    $<HTMLButtonElement>(el, '[data-action="report"]')!.click();
    await waitUntil(() => $(el, 'dialog#report textarea'), 'the report dialog');
    type($<HTMLTextAreaElement>(el, 'dialog#report textarea')!, HEBREW);
    await (el as PeerDiscussion).updateComplete;
    expect(direction($(el, 'dialog#report textarea')!)).to.equal('rtl');
  });
});
