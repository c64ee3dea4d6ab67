/**
 * The `<peer-provider>` the element tests mount their elements in: against the real
 * reference server, signed in through the demo sign-in (or signed out), and the way they
 * set an element's attributes from a test's options.
 */
import '@peerkit/core/define';
import { RestClient, type PeerClient, type PeerProvider, type Post } from '@peerkit/core';
import { API, signIn } from './server.js';

export interface ProviderOptions {
  /** Person id to sign in as; `null` for signed out (default `ana.ruiz`). */
  person?: string | null;
  /** The provider's `endpoint` (default: the reference server's `API`). */
  endpoint?: string;
  /** The provider's `locale` attribute (default: none, so the page's language). */
  locale?: string;
  /** Attributes for the element under test: `true` sets an empty one, `false` none. */
  attrs?: Record<string, string | boolean>;
}

/**
 * A `<peer-provider>`, not yet connected, with `person` signed in. `xapi` is its `xapi`
 * attribute (default: none).
 */
export async function providerFor(
  options: ProviderOptions,
  xapi?: string,
): Promise<{ provider: PeerProvider; person: string | null; token: string | null }> {
  const person = options.person === undefined ? 'ana.ruiz' : options.person;
  const token = person ? await signIn(person) : null;
  const provider = document.createElement('peer-provider');
  provider.setAttribute('endpoint', options.endpoint ?? API);
  if (xapi) provider.setAttribute('xapi', xapi);
  if (options.locale) provider.setAttribute('locale', options.locale);
  if (token) provider.token = token;
  return { provider, person, token };
}

/** Sets `options.attrs` on `el`: `true` as an empty attribute, `false` not at all. */
export function setAttrs(el: Element, attrs: ProviderOptions['attrs'] = {}): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
}

/**
 * Puts `provider` (with its element) on the page in a fresh container of its own, and adds the
 * container to `mounted` so the suite's cleanup removes it.
 */
export function place(provider: Element, mounted: HTMLElement[], parent: Element = document.body) {
  const box = document.createElement('div');
  box.append(provider);
  parent.append(box);
  mounted.push(box);
  return box;
}

/**
 * A host's own client for another backend, stood in for by the REST client signed in with
 * `token`: `listPosts` answers the server's pages with each post passed through `post` (a
 * backend that sends no `bodyTree`, or keeps tags as written); every other method is the REST
 * client's own, called on it (its private fields).
 */
export function hostClient(token: string | null, post: (post: Post) => Post): PeerClient {
  const rest = new RestClient({ endpoint: API, getToken: () => token });
  const listPosts: PeerClient['listPosts'] = async (query, options) => {
    const page = await rest.listPosts(query, options);
    return { ...page, items: page.items.map(post) };
  };
  return new Proxy(rest, {
    get(target, prop) {
      if (prop === 'listPosts') return listPosts;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  }) as PeerClient;
}
