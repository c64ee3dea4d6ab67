/**
 * Issue 13's "Done when", on the demo course page in headless Chromium against the real
 * reference server (demo mode, its real database in memory) started with a webhook receiver
 * of the test's own (`PEERKIT_WEBHOOK_URL`, a `whsec_` secret):
 *
 * 1. a learner (Umar Bello) finds an SQL expert (Jonas Weber) with "Find someone who knows" and
 *    presses "Ask": the course's Q&A discussion opens its composer with Jonas mentioned (and
 *    SQL as the question's tag), and Umar writes and posts the question;
 * 2. Jonas, signed in in another browser, answers it in the thread;
 * 3. Umar accepts the answer: it is marked accepted (seen and in the accessibility tree), one
 *    question fewer is open, and the "Unanswered" view, which listed the question, no longer does;
 * 4. `GET /api/people?skill=SQL` now gives Jonas an accepted-answer reason for SQL, which he
 *    did not have, and the finder's card says so;
 * 5. the receiver got exactly one event each for the mention, the answer and the acceptance,
 *    each signed as Standard Webhooks says (checked here with node:crypto), and no event id
 *    twice, after waiting several of the sender's polls (`PEERKIT_WEBHOOK_POLL_MS`).
 *
 * Both pages stay free of page errors, console errors and failed requests.
 * Run by `node scripts/test-e2e.mjs` (which builds the CDN module first when needed).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'puppeteer-core';
import type { ReferenceServer } from '../support/reference-server.mjs';
import { startDemo, watchProblems } from './demo-browser.js';
import { startInbox, verify, WEBHOOK_SECRET, type Delivery } from './webhook-inbox.js';

const COURSE = 'https://learn.example.com/courses/data-storytelling';
const FINDER = '#experts peer-expert-finder';
const THREAD = '#discussion peer-discussion';
const LEARNER = { id: 'umar.bello', name: 'Umar Bello' };
const EXPERT = { id: 'jonas.weber', name: 'Jonas Weber' };
const SKILL = 'SQL';
const QUESTION = 'How do I find duplicate customer rows before the Atlas import?';
const ANSWER = 'GROUP BY the natural key HAVING count(*) > 1, then join back for the ids.';
/** The webhook sender's idle poll for this run, in ms: several of them pass before counting. */
const POLL_MS = 100;

interface PostView {
  id: string;
  text: string;
  mark: string | null;
  markVisible: boolean;
  accept: { label: string; pressed: string | null } | null;
}

/** The posts the thread on `page` draws, in order (no named functions: the page runs this). */
function postsOf(page: Page): Promise<PostView[]> {
  return page.$eval(THREAD, (el) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('article[part~="post"]')].map((a) => {
      const mark = a.querySelector<HTMLElement>('.accepted-mark');
      const accept = a.querySelector('[data-action="accept"]');
      return {
        id: a.dataset['id'] ?? '',
        text: (a.querySelector('[part~="body"]')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        mark: mark?.textContent?.trim() ?? null,
        markVisible: !!mark?.checkVisibility(),
        accept: accept
          ? {
              label: accept.textContent?.trim() ?? '',
              pressed: accept.getAttribute('aria-pressed'),
            }
          : null,
      };
    }),
  );
}

async function waitForPosts(page: Page, check: (posts: PostView[]) => boolean, what: string) {
  let last: PostView[] = [];
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    last = await postsOf(page).catch(() => []);
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the thread never showed ${what}; it showed ${JSON.stringify(last)}`);
}

/** The thread's "open questions" line, once drawn; with `expected`, once it says that. */
async function openCount(page: Page, expected?: string): Promise<string> {
  const line = await page.waitForFunction(
    (sel, want) => {
      const text = document
        .querySelector(sel)!
        .shadowRoot!.querySelector('.open-count')
        ?.textContent?.trim();
      return text && (want === null || text === want) ? text : false;
    },
    { timeout: 15_000 },
    THREAD,
    expected ?? null,
  );
  return (await line.jsonValue()) as string;
}

/** Picks a view of the Q&A thread ("all", "unanswered") and waits for it to load. */
async function showView(page: Page, view: string) {
  await page.select(`${THREAD} >>> #view`, view);
  await page.waitForFunction(
    (sel) => !document.querySelector(sel)!.shadowRoot!.querySelector('[aria-busy="true"]'),
    {},
    THREAD,
  );
}

/**
 * Waits until the page is drawn for a signed-in person: the thread's new-post box, and the
 * finder's recommendations (it draws its search field again once it knows who is signed in).
 */
async function signedIn(page: Page) {
  await page.waitForFunction(
    (thread, finder) => {
      const root = document.querySelector(finder)?.shadowRoot;
      return (
        !!document.querySelector(thread)?.shadowRoot?.querySelector('[part~="composer"]') &&
        !!root?.querySelector('.list [part~="card"]') &&
        !root.querySelector('.results[aria-busy="true"]')
      );
    },
    { timeout: 30_000 },
    THREAD,
    FINDER,
  );
}

/** A fresh browser context signed in on the demo as `personId`, on the course page. */
async function openAs(browser: Browser, origin: string, personId: string, problems: string[]) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await watchProblems(page, problems, `${personId}: `);
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => !(document.querySelector('#who') as HTMLSelectElement).disabled);
  await page.select('#who', personId);
  await signedIn(page);
  return { context, page };
}

/** A demo token for `personId`, for the REST calls the test makes itself. */
async function tokenOf(origin: string, personId: string): Promise<string> {
  const res = await fetch(`${origin}/api/demo/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ personId }),
  });
  return ((await res.json()) as { token: string }).token;
}

/** Post `id` of the course thread as `GET /api/posts` answers it. */
async function postOf(origin: string, token: string, id: string) {
  const res = await fetch(`${origin}/api/posts?activity=${encodeURIComponent(COURSE)}&limit=100`, {
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(res.status, 200);
  const page = (await res.json()) as {
    items: { id: string; tags?: string[]; mentions?: { id: string }[] }[];
  };
  const post = page.items.find((p) => p.id === id);
  assert.ok(post, `post ${id} is in the thread`);
  return post;
}

/** The expert's reasons in `GET /api/people?skill=SQL&activity=<course>`, as the finder asks. */
async function reasonsOf(origin: string, token: string, personId: string) {
  const url = `${origin}/api/people?skill=${SKILL}&activity=${encodeURIComponent(COURSE)}`;
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(res.status, 200);
  const page = (await res.json()) as {
    items: { id: string; reasons: { kind: string; skill?: string; count?: number }[] }[];
  };
  const person = page.items.find((p) => p.id === personId);
  assert.ok(person, `${personId} is among the SQL experts`);
  return person.reasons;
}

describe('demo: a question to an expert, answered and accepted, with webhooks', () => {
  let server: ReferenceServer;
  let browser: Browser;
  let inbox: Awaited<ReturnType<typeof startInbox>>;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  before(async () => {
    inbox = await startInbox();
    ({ server, browser } = await startDemo({
      PEERKIT_WEBHOOK_URL: inbox.url,
      PEERKIT_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PEERKIT_WEBHOOK_POLL_MS: String(POLL_MS),
    }));
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.stop();
    await inbox?.close();
  });

  // What the steps share: Umar's page and token, and what he saw and wrote.
  let a: Page;
  let token: string;
  let openBefore: string;
  let whyBefore: string;
  let question: PostView;
  let answer: PostView;

  it('Umar finds Jonas for SQL in the finder and asks him: mention, tag, focus', async () => {
    token = await tokenOf(server.origin, LEARNER.id);
    const before = await reasonsOf(server.origin, token, EXPERT.id);
    assert.ok(
      !before.some((r) => r.kind === 'accepted'),
      `no accepted answer yet: ${JSON.stringify(before)}`,
    );
    const learner = await openAs(browser, server.origin, LEARNER.id, problems);
    contexts.push(learner.context);
    a = learner.page;
    openBefore = await openCount(a);
    assert.match(openBefore, /^\d+ open questions?$/);
    await pickSkill(a);
    await a.waitForFunction(
      (sel, name) => {
        const root = document.querySelector(sel)!.shadowRoot!;
        return (
          !root.querySelector('.results[aria-busy="true"]') &&
          [...root.querySelectorAll('.list [part~="card"]')].some(
            (c) => c.querySelector('[part~="name"]')?.textContent?.trim() === name,
          )
        );
      },
      { timeout: 20_000 },
      FINDER,
      EXPERT.name,
    );
    whyBefore = await cardWhy(a, EXPERT.name);
    await a.$eval(
      FINDER,
      (el, name) => {
        const card = [...el.shadowRoot!.querySelectorAll('.list [part~="card"]')].find(
          (c) => c.querySelector('[part~="name"]')?.textContent?.trim() === name,
        );
        card!.querySelector<HTMLButtonElement>('[part~="ask"]')!.click();
      },
      EXPERT.name,
    );

    // The discussion's composer opens with Jonas mentioned, focused after the mention.
    const composer = await a.waitForFunction(
      (sel, id) => {
        const root = document.querySelector(sel)!.shadowRoot!;
        const text = root.querySelector<HTMLTextAreaElement>(
          '[part~="composer"][data-mode="new"] textarea',
        );
        return text && text.value.includes(`(mention:${id})`) && root.activeElement === text
          ? text.value
          : false;
      },
      { timeout: 15_000 },
      THREAD,
      EXPERT.id,
    );
    assert.equal(await composer.jsonValue(), `[@${EXPERT.name}](mention:${EXPERT.id}) `);
    // …and the skill searched for as the question's tag, a chip that says what it does.
    const chips = await a.$eval(THREAD, (el) =>
      [
        ...el.shadowRoot!.querySelectorAll(
          '[part~="composer"][data-mode="new"] [part~="tag-chip"]',
        ),
      ].map((b) => ({ text: b.textContent!.replace(/\s+/g, ' ').trim(), name: b.ariaLabel })),
    );
    assert.deepEqual(chips, [{ text: `${SKILL} ×`, name: `Remove tag ${SKILL}` }]);
  });

  it('Umar posts the question: drawn with the mention, tagged, open, listed as unanswered', async () => {
    await a.keyboard.type(QUESTION);
    await a.click(`${THREAD} >>> [part~="composer"][data-mode="new"] [part~="submit"]`);
    const asked = await waitForPosts(
      a,
      (posts) => posts.some((p) => p.text.includes(QUESTION)),
      'the question',
    );
    question = asked.find((p) => p.text.includes(QUESTION))!;
    assert.equal(question.text, `@${EXPERT.name} ${QUESTION}`, 'the mention drawn as his name');
    assert.equal(question.accept, null, 'a question has no accept button');
    const stored = await postOf(server.origin, token, question.id);
    assert.deepEqual(
      { tags: stored.tags, mentions: stored.mentions?.map((m) => m.id) },
      { tags: [SKILL], mentions: [EXPERT.id] },
    );
    await openCount(a, openQuestions(count(openBefore) + 1));

    // The "Unanswered" view lists it.
    await showView(a, 'unanswered');
    await waitForPosts(a, (p) => p.some((x) => x.id === question.id), 'the open question');
    await showView(a, 'all');
  });

  it('Jonas answers it in his own browser', async () => {
    const expert = await openAs(browser, server.origin, EXPERT.id, problems);
    contexts.push(expert.context);
    const e = expert.page;
    await waitForPosts(e, (p) => p.some((x) => x.id === question.id), 'the question (Jonas)');
    await e.$eval(
      THREAD,
      (el, id) =>
        el
          .shadowRoot!.querySelector<HTMLButtonElement>(
            `article[data-id="${id}"] [data-action="reply"]`,
          )!
          .click(),
      question.id,
    );
    const reply = `${THREAD} >>> [part~="composer"][data-mode="reply"] textarea`;
    await e.waitForSelector(reply);
    await e.type(reply, ANSWER);
    await e.click(`${THREAD} >>> [part~="composer"][data-mode="reply"] [part~="submit"]`);
    // His first post in this thread: the participation guidelines come first.
    const agree = await e
      .waitForSelector(`${THREAD} >>> [part~="guidelines"] .primary`, { timeout: 5_000 })
      .catch(() => null);
    await agree?.click();
    await waitForPosts(e, (p) => p.some((x) => x.text === ANSWER), 'the answer (Jonas)');
  });

  it('Umar is shown the answer live and it is still open until he accepts it', async () => {
    // The thread is live: "Show 1 new post" (a reader's place does not move under them).
    const news = await a.waitForSelector(`${THREAD} >>> .new-posts`, { timeout: 20_000 });
    assert.match(await news!.evaluate((b) => b.textContent!.trim()), /1 new/);
    await news!.click();
    const answered = await waitForPosts(
      a,
      (p) => p.some((x) => x.text === ANSWER),
      'the answer (Umar, live)',
    );
    answer = answered.find((p) => p.text === ANSWER)!;
    assert.deepEqual(answer.accept, { label: 'Accept answer', pressed: 'false' });
    assert.equal(answer.mark, null);
    // Answered, not accepted: still open.
    await showView(a, 'unanswered');
    await waitForPosts(a, (p) => p.some((x) => x.id === question.id), 'the still-open question');
    await showView(a, 'all');
    await waitForPosts(a, (p) => p.some((x) => x.id === answer.id), 'the answer again');
  });

  it('Umar accepts it: marked for eyes and screen readers, one fewer open, not unanswered', async () => {
    await a.$eval(
      THREAD,
      (el, id) =>
        el
          .shadowRoot!.querySelector<HTMLButtonElement>(
            `article[data-id="${id}"] [data-action="accept"]`,
          )!
          .click(),
      answer.id,
    );
    const accepted = await waitForPosts(
      a,
      (p) => p.some((x) => x.id === answer.id && x.accept?.pressed === 'true'),
      'the accepted answer',
    );
    const shown = accepted.find((p) => p.id === answer.id)!;
    assert.equal(shown.mark, 'Accepted answer');
    assert.ok(shown.markVisible, 'the mark is visible');
    // The thread shows the question answered, on the question itself.
    assert.equal(accepted.find((p) => p.id === question.id)?.mark, 'Answered');
    // What a screen reader meets: the pressed toggle, and the mark's text in the answer.
    const article = await a.$(`${THREAD} >>> article[data-id="${answer.id}"]`);
    const tree = await a.accessibility.snapshot({ root: article!, interestingOnly: false });
    const nodes = flatten(tree);
    assert.ok(
      nodes.some((n) => n.role === 'button' && n.name === 'Accept answer' && n.pressed === true),
      JSON.stringify(nodes.filter((n) => n.role === 'button')),
    );
    assert.ok(
      nodes.some((n) => n.role === 'StaticText' && n.name === 'Accepted answer'),
      'the mark is read out',
    );
    await openCount(a, openBefore); // one open question fewer
    // The "Unanswered" view no longer lists it.
    await showView(a, 'unanswered');
    await waitForPosts(
      a,
      (p) => !p.some((x) => x.id === question.id) && !p.some((x) => x.text === ANSWER),
      'the unanswered view without the question',
    );
  });

  it("Jonas's SQL ranking gains the accepted answer, in the API and on his card", async () => {
    const after = await reasonsOf(server.origin, token, EXPERT.id);
    assert.deepEqual(
      after.filter((r) => r.kind === 'accepted' && r.skill === SKILL),
      [{ kind: 'accepted', skill: SKILL, count: 1 }],
      JSON.stringify(after),
    );
    await a.reload({ waitUntil: 'load' });
    await signedIn(a);
    await pickSkill(a);
    await a.waitForFunction(
      (sel, name, was) => {
        const root = document.querySelector(sel)!.shadowRoot!;
        const card = [...root.querySelectorAll('.list [part~="card"]')].find(
          (c) => c.querySelector('[part~="name"]')?.textContent?.trim() === name,
        );
        const why = (card?.querySelector('[part~="why"]')?.textContent ?? '')
          .replace(/\s+/g, ' ')
          .trim();
        return !root.querySelector('.results[aria-busy="true"]') && why !== '' && why !== was;
      },
      { timeout: 20_000 },
      FINDER,
      EXPERT.name,
      whyBefore,
    );
    const whyAfter = await cardWhy(a, EXPERT.name);
    assert.match(whyAfter, new RegExp(`answered 1 ${SKILL} question`), whyAfter);
    assert.doesNotMatch(whyBefore, /answered 1 .* question|accepted/, whyBefore);
  });

  it('the receiver got one validly signed event each for mention, answer and acceptance', async () => {
    const mine = (d: readonly Delivery[]) => d.filter((x) => x.data?.activity === COURSE);
    await inbox.until((d) => mine(d).length >= 3, 'three events');
    // Ten of the sender's polls more: a duplicate or a retry would have come by then.
    await new Promise((r) => setTimeout(r, 10 * POLL_MS + 1_000));
    const events = mine(inbox.deliveries);
    assert.deepEqual(
      inbox.deliveries.filter((d) => !d.valid).map((d) => d.problem),
      [],
      'every delivery is validly signed',
    );
    assert.deepEqual(
      events.map((d) => [d.type, d.data.actor.id, d.data.recipient?.id ?? null, d.data.post.id]),
      [
        ['mention.created', LEARNER.id, EXPERT.id, question.id],
        ['answer.created', EXPERT.id, LEARNER.id, answer.id],
        ['answer.accepted', LEARNER.id, EXPERT.id, answer.id],
      ],
    );
    assert.equal(events[1]!.data.question?.id, question.id);
    assert.equal(events[2]!.data.question?.id, question.id);
    // The check is a check: another secret, a changed body or a stale timestamp fails it.
    const first = inbox.deliveries[0]!;
    assert.equal(verify(WEBHOOK_SECRET, first.headers, first.raw), null);
    assert.match(verify(`whsec_${btoa('another key')}`, first.headers, first.raw)!, /no v1/);
    assert.match(verify(WEBHOOK_SECRET, first.headers, `${first.raw} `)!, /no v1/);
    assert.match(
      verify(WEBHOOK_SECRET, first.headers, first.raw, Date.now() + 6 * 60_000)!,
      /five minutes/,
    );
    const ids = inbox.deliveries.map((d) => d.id);
    assert.equal(new Set(ids).size, ids.length, `no event id twice: ${ids.join(', ')}`);
    assert.equal(inbox.deliveries.length, 3, 'nothing else was sent');
  });

  it('no page error, console error or failed request on either page', () => {
    assert.deepEqual(problems, []);
  });
});

/** Types the skill in the course finder and picks it from the suggestions (a chip). */
async function pickSkill(page: Page) {
  const input = await page.waitForSelector(`${FINDER} >>> [part~="combobox-input"]`, {
    timeout: 30_000,
  });
  // Focus, not a click at coordinates: the cards above the finder may still be growing as
  // they load, and a click computed before they grow lands on them.
  await input!.focus();
  await page.keyboard.type(SKILL);
  await page.waitForFunction(
    (sel, skill) => {
      const option = [
        ...document
          .querySelector(sel)!
          .shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]'),
      ].find((o) => new RegExp(`^${skill}\\b`).test(o.textContent?.trim() ?? ''));
      option?.click();
      return !!option;
    },
    { timeout: 30_000 },
    FINDER,
    SKILL,
  );
  await page.waitForFunction(
    (sel, skill) =>
      [...document.querySelector(sel)!.shadowRoot!.querySelectorAll('[part~="chip"]')].some((c) =>
        c.textContent?.includes(skill),
      ),
    {},
    FINDER,
    SKILL,
  );
}

/** The "why" line of the card named `name` in the course finder. */
function cardWhy(page: Page, name: string): Promise<string> {
  return page.$eval(
    FINDER,
    (el, n) => {
      const card = [...el.shadowRoot!.querySelectorAll('.list [part~="card"]')].find(
        (c) => c.querySelector('[part~="name"]')?.textContent?.trim() === n,
      );
      return (card?.querySelector('[part~="why"]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
    },
    name,
  );
}

interface AxNode {
  role?: string;
  name?: string;
  pressed?: boolean | 'mixed';
  children?: AxNode[];
}

function flatten(node: AxNode | null): AxNode[] {
  if (!node) return [];
  return [node, ...(node.children ?? []).flatMap(flatten)];
}

/** The number in the thread's "N open questions" line. */
function count(line: string): number {
  return Number(/\d+/.exec(line)?.[0]);
}

/** The line for `n` open questions (English, the demo's language). */
const openQuestions = (n: number) => (n === 1 ? '1 open question' : `${n} open questions`);
