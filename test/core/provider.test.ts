import '../support/lit-warnings.js';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { html as litHtml } from 'lit';
import {
  PeerElement,
  PeerError,
  PeerProvider,
  RestClient,
  define,
  messageLocale,
  type PeerClient,
  type PeerErrorEvent,
} from '@peerkit/core';
import '@peerkit/core/define';
import { API, SEED, signIn, until } from '../support/server.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

/** A minimal widget: shows who is signed in, or the configuration error. */
class TestWidget extends PeerElement {
  override render() {
    if (this.peer?.error) return litHtml`<p role="alert">${this.peer.error.message}</p>`;
    return litHtml`<p>${this.peer?.me === undefined ? 'loading' : (this.peer.me?.name ?? 'nobody')}</p>`;
  }
  get context() {
    return this.peer;
  }
}
define('test-widget', TestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'test-widget': TestWidget;
  }
}

let lateTag = 0;

describe('<peer-provider>', () => {
  failOnLitWarnings();

  it('gives widgets inside it the client, recorder, locale and signed-in person', async () => {
    const token = await signIn(SEED.member);
    const el = await fixture<PeerProvider>(
      html`<peer-provider endpoint=${API} locale="en-GB" .token=${token}>
        <test-widget></test-widget>
      </peer-provider>`,
    );
    const widget = el.querySelector('test-widget')!;
    await until(() => widget.context?.me, 'me');
    expect(widget.context!.me!.id).to.equal(SEED.member);
    expect(widget.context!.locale).to.equal('en-GB');
    expect(widget.context!.client).to.be.instanceOf(RestClient);
    expect(widget.shadowRoot!.textContent).to.contain('Ana Ruiz');
    await expect(el).to.be.accessible();
  });

  it('reloads the person when the token changes', async () => {
    const el = await fixture<PeerProvider>(
      html`<peer-provider endpoint=${API} .token=${await signIn(SEED.member)}>
        <test-widget></test-widget>
      </peer-provider>`,
    );
    const widget = el.querySelector('test-widget')!;
    await until(() => widget.context?.me?.id === SEED.member, 'first person');
    el.token = await signIn(SEED.colleague);
    await until(() => widget.context?.me?.id === SEED.colleague, 'the new person');
    expect(widget.shadowRoot!.textContent).to.contain('Ben Okafor');
  });

  it('says nobody is signed in without a token', async () => {
    const el = await fixture<PeerProvider>(
      html`<peer-provider endpoint=${API}><test-widget></test-widget></peer-provider>`,
    );
    const widget = el.querySelector('test-widget')!;
    await until(() => widget.context?.me === null, 'me to be null');
    expect(widget.shadowRoot!.textContent).to.contain('nobody');
  });

  it("uses a host's own client", async () => {
    const me = { id: 'host.person', name: 'Host Person', roles: [] };
    const client = { me: async () => me } as unknown as PeerClient;
    const el = await fixture<PeerProvider>(
      html`<peer-provider .client=${client}><test-widget></test-widget></peer-provider>`,
    );
    const widget = el.querySelector('test-widget')!;
    await until(() => widget.context?.me, 'me from the host client');
    expect(widget.context!.client).to.equal(client);
    expect(widget.context!.error).to.equal(undefined);
  });

  describe('bad attributes', () => {
    for (const [attrs, code, text] of [
      [{ endpoint: 'not a url' }, 'endpoint', 'is not a URL'],
      [{ endpoint: 'javascript:alert(1)' }, 'endpoint', 'is not a URL'],
      [{ endpoint: API, xapi: 'sometimes' }, 'xapi', 'is not an xAPI mode'],
      [{ endpoint: API, xapi: 'direct' }, 'lrs-endpoint', 'LRS endpoint'],
      [{}, 'endpoint-missing', 'has no endpoint'],
    ] as const) {
      it(`${JSON.stringify(attrs)} → a peer-error and a visible message`, async () => {
        const el = document.createElement('peer-provider');
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        el.append(document.createElement('test-widget'));
        const errored = oneEvent(el, 'peer-error') as Promise<PeerErrorEvent>;
        document.body.append(el);
        try {
          const event = await errored;
          expect(event.detail.error).to.be.instanceOf(PeerError);
          expect(event.detail.error.kind).to.equal('config');
          expect(event.detail.error.details.problem?.type).to.equal(`peerkit:config/${code}`);
          await el.updateComplete;
          const message = el.shadowRoot!.querySelector('[part="error"]')!;
          expect(message.getAttribute('role')).to.equal('alert');
          expect(message.textContent).to.contain(text);
          expect((message as HTMLElement).offsetHeight, 'the message is visible').to.be.greaterThan(
            0,
          );
          // The widgets get the error too, and calls fail with it instead of going anywhere.
          const widget = el.querySelector('test-widget')!;
          await until(() => widget.context?.error, 'the error in context');
          const call = await widget
            .context!.client.listPosts({ activity: 'https://x.test/a' })
            .catch((e: unknown) => e);
          expect(call).to.equal(widget.context!.error);
          await expect(el).to.be.accessible();
        } finally {
          el.remove();
        }
      });
    }

    it('shows the message in the provider locale, loaded on demand', async () => {
      const el = await fixture<PeerProvider>(
        html`<peer-provider endpoint="no url" locale="es-ES"></peer-provider>`,
      );
      await until(() => messageLocale() === 'es', 'Spanish to load');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
        'no es una URL',
      );
      el.locale = 'en';
      await until(() => messageLocale() === 'en', 'English again');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain(
        'is not a URL',
      );
    });

    it('clears the message once the attribute is fixed', async () => {
      const el = await fixture<PeerProvider>(html`<peer-provider endpoint="nope"></peer-provider>`);
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.exist;
      el.endpoint = API;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')).to.equal(null);
    });
  });

  describe('late provider', () => {
    it('reaches widgets that upgraded before their provider', async () => {
      const tag = `late-provider-${++lateTag}`;
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const provider = document.createElement(tag) as PeerProvider;
      provider.setAttribute('endpoint', API);
      const widget = document.createElement('test-widget');
      provider.append(widget);
      host.append(provider);
      await widget.updateComplete;
      expect(widget.context, 'no provider yet').to.equal(undefined);
      customElements.define(tag, class extends PeerProvider {});
      await until(() => widget.context, 'the late provider to reach the widget');
      expect(widget.context!.client).to.be.instanceOf(RestClient);
      await until(() => widget.context?.me === null, 'me (nobody signed in)');
    });

    it('hands widgets to a nearer provider that arrives later', async () => {
      const tag = `late-provider-${++lateTag}`;
      const outer = await fixture<PeerProvider>(
        html`<peer-provider endpoint=${API} locale="en-GB"></peer-provider>`,
      );
      const inner = document.createElement(tag) as PeerProvider;
      inner.setAttribute('endpoint', API);
      inner.setAttribute('locale', 'en-US');
      const widget = document.createElement('test-widget');
      inner.append(widget);
      outer.append(inner);
      await until(() => widget.context?.locale === 'en-GB', 'the outer provider first');
      customElements.define(tag, class extends PeerProvider {});
      await until(() => widget.context?.locale === 'en-US', 'the nearer provider');
    });
  });
});
