/**
 * Typing quicker than a pause. `sendKeys({ type })` sends one key per round trip to the
 * browser, and on a busy machine (CPU throttled 4×) two of those took longer than the
 * combobox's 250 ms pause, so a test of "one request per pause" saw two ("a", then "ap").
 * A test whose claim is about keystrokes that come within one pause types with this instead:
 * one `input` event per character, as the browser fires them, all in one task.
 */
export function typeWithinOnePause(field: HTMLInputElement | HTMLTextAreaElement, text: string) {
  field.focus();
  for (const data of text) {
    field.value += data;
    field.dispatchEvent(
      new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data }),
    );
  }
}
