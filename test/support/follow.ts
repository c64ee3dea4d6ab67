/**
 * Following a link as a person does: a real Enter key press (so a user activation), the click
 * reported as it reached the window. The window's listener then stops the new tab.
 */
import { sendKeys } from '@web/test-runner-commands';
import { waitUntil } from './wait.js';

/**
 * Presses Enter on `link` and reports the click as it reached the window: the link's href,
 * whether anything prevented following it, and whether the activation was still there.
 */
export async function follow(link: HTMLAnchorElement) {
  let seen: { href: string; prevented: boolean; active: boolean } | undefined;
  const watch = (e: Event) => {
    if (e.composedPath()[0] !== link) return;
    seen = {
      href: link.href,
      prevented: e.defaultPrevented,
      active: navigator.userActivation.isActive,
    };
    e.preventDefault();
  };
  window.addEventListener('click', watch);
  try {
    link.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => seen, 'the link activated');
  } finally {
    window.removeEventListener('click', watch);
  }
  return seen!;
}
