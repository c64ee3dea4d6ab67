// The demo host's own script (not part of the kit): the "who are you" picker and the
// colleague directory. A real LMS signs the JWT itself and sets `provider.token`; here the
// reference server's demo sign-in does it. Everything from the server goes into the page
// through `textContent` and attributes, never as HTML.

const STORAGE_KEY = 'peerkit-demo-person';
/** The people shown in the directory strip (the seeded ids; names come from the server). */
const DIRECTORY = [
  'ana.ruiz',
  'ben.okafor',
  'chloe.martin',
  'mei.chen',
  'dev.patel',
  'ines.moreau',
  'kemi.adeyemi',
  'hugo.silva',
];
/** Seeded person kudos live on these IRIs (see the server's seed). */
const personIri = (id) => `urn:peerkit:person:${id}`;

const provider = document.getElementById('peer');
const select = /** @type {HTMLSelectElement} */ (document.getElementById('who'));
const status = document.getElementById('who-status');

function readStored() {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

function store(personId) {
  try {
    if (personId) localStorage.setItem(STORAGE_KEY, personId);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

async function json(response) {
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return response.json();
}

/** A demo session for `personId`: the JWT the reference server signs in demo mode. */
async function session(personId) {
  const { token } = await json(
    await fetch('/api/demo/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId }),
    }),
  );
  return token;
}

/**
 * Signs in as `personId` (or out, for ''). The provider gets a token source (a property,
 * never an attribute); a new one makes it reload who is signed in.
 */
function signIn(personId) {
  store(personId);
  if (!personId) {
    provider.getToken = null;
    status.textContent = 'Signed out';
    return Promise.resolve();
  }
  status.textContent = 'Signing in…';
  const token = session(personId);
  provider.getToken = () => token;
  return token.then(
    () => {
      status.textContent = '';
    },
    (error) => {
      status.textContent = 'Could not sign in.';
      console.warn('[demo] sign-in failed', error);
    },
  );
}

function initials(name) {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function personCard(person) {
  const li = document.createElement('li');
  li.className = 'person';
  const avatar = document.createElement('span');
  avatar.className = 'avatar';
  avatar.setAttribute('aria-hidden', 'true');
  avatar.textContent = initials(person.name);
  const who = document.createElement('div');
  who.className = 'person-who';
  const name = document.createElement('h3');
  name.textContent = person.name;
  const title = document.createElement('p');
  title.textContent = [person.title, person.team].filter(Boolean).join(' · ');
  who.append(name, title);
  const kudos = document.createElement('peer-kudos');
  kudos.setAttribute('activity', personIri(person.id));
  kudos.setAttribute('recipient', person.id);
  kudos.setAttribute('recipient-name', person.name.split(' ')[0]);
  kudos.setAttribute('values', 'helpful,clear,mentoring,generous');
  kudos.setAttribute('label', 'Thank');
  li.append(avatar, who, kudos);
  return li;
}

async function main() {
  // Sign in again as the person chosen before, before the kit asks who is signed in.
  const stored = readStored();
  const signedIn = signIn(stored);

  let people = [];
  try {
    people = (await json(await fetch('/api/demo/people'))).items;
  } catch (error) {
    status.textContent = 'The demo sign-in is not available.';
    console.warn('[demo] could not list the demo people', error);
  }

  select.replaceChildren();
  const out = new Option('Nobody (signed out)', '');
  select.add(out);
  for (const person of people) {
    const label = person.roles.includes('moderator') ? `${person.name} (moderator)` : person.name;
    select.add(new Option(`${label} — ${person.title ?? ''}`.replace(/ — $/, ''), person.id));
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  document
    .getElementById('people')
    .replaceChildren(
      ...DIRECTORY.filter((id) => byId.has(id)).map((id) => personCard(byId.get(id))),
    );

  select.value = byId.has(stored) ? stored : '';
  select.disabled = people.length === 0;
  if (stored && !byId.has(stored) && people.length > 0) signIn('');
  await signedIn;
  select.addEventListener('change', () => void signIn(select.value));
}

// Pressing Enter in the picker must not reload the page.
document.getElementById('who-form').addEventListener('submit', (event) => event.preventDefault());

// A host listens to the kit's events like any other DOM event.
document.addEventListener('peer-kudos-given', (event) => {
  console.info('[demo] kudos given', event.detail);
});

main();
