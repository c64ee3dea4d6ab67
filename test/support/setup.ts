/**
 * Loaded before every browser test file (`testRunnerHtml` in web-test-runner.config.mjs).
 *
 * chai's `equal` on DOM nodes fails with short descriptions of the nodes, not the nodes
 * themselves. A failed `expect(activeElement()).to.equal(post)` used to hang the page until
 * the runner's 3-minute limit, with no test reported: the runner serialises an
 * AssertionError's `actual` and `expected` to send it out of the page, and from a DOM node
 * that walk reaches the whole document (docs/decisions.md §20). Identity is what such a test
 * asserts, so that is what is compared; `.dom.equal` (semantic-dom-diff) is left as it is.
 */
// chai itself, the instance `@open-wc/testing` re-exports: importing `@open-wc/testing` here,
// before mocha has defined `afterEach`, would skip its fixture clean-up hook for the whole file.
import { use } from '@esm-bundle/chai';

/** `<textarea id="x" part="composer">` "the first 60 characters of its text", or `String(value)`. */
export function describeNode(value: unknown): string {
  if (!(value instanceof Node)) return String(value);
  if (!(value instanceof Element))
    return `${value.nodeName} "${(value.textContent ?? '').trim().slice(0, 60)}"`;
  const attrs = ['id', 'part', 'data-id', 'aria-label']
    .filter((a) => value.hasAttribute(a))
    .map((a) => ` ${a}="${value.getAttribute(a)}"`)
    .join('');
  const text = (value.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
  return `<${value.localName}${attrs}>${text ? ` "${text}"` : ''}${value.isConnected ? '' : ' (detached)'}`;
}

use((api, utils) => {
  for (const name of ['equal', 'equals', 'eq']) {
    api.Assertion.overwriteMethod(
      name,
      (original: (...args: unknown[]) => void) =>
        function (this: Chai.AssertionStatic, expected: unknown, message?: string) {
          const actual: unknown = utils.flag(this, 'object');
          const dom = ['dom', 'lightDom', 'shadowDom'].some((f) => utils.flag(this, f));
          if (dom || (!(actual instanceof Node) && !(expected instanceof Node)))
            return original.call(this, expected, message);
          if (message) utils.flag(this, 'message', message);
          const [a, e] = [describeNode(actual), describeNode(expected)];
          this.assert(
            actual === expected,
            `expected ${a} to equal ${e}`,
            `expected ${a} to not equal ${e}`,
            e,
            a,
            false,
          );
        },
    );
  }
});
