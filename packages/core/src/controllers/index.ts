/**
 * The reactive controllers every Peerkit widget is built from, one per concern (see each
 * file). They attach with `host.addController(this)` and pair everything they start in
 * `hostConnected`/`hostDisconnected`.
 */
export { LoadController, shallowArrayEquals } from './load.js';
export type { LoadHost, LoadOptions, LoadRenderers, LoadStatus } from './load.js';
export { Announcer } from './announcer.js';
export { FocusRequest } from './focus.js';
export { Ticker } from './ticker.js';
export { InViewController } from './in-view.js';
export type { InViewOptions } from './in-view.js';
export { AttributeChecks, oneOf, wholeNumber } from './attribute-checks.js';
export type { AttributeRule } from './attribute-checks.js';
export { ErrorClaim } from './error-claim.js';
export { ComboboxController } from './combobox.js';
export type { ComboboxOptions, ComboboxStatus } from './combobox.js';
export { renderCombobox, renderComboboxFailure, comboboxStyles } from './combobox-view.js';
export type { ComboboxViewProps } from './combobox-view.js';
