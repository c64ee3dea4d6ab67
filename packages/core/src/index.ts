/**
 * `@peerkit/core`: everything a Peerkit widget stands on. Importing it has no side effects;
 * `@peerkit/core/define` registers `<peer-provider>`.
 *
 * The contract's types are here; its zod schemas (values) are at `@peerkit/core/contract`,
 * which the server and hosts implementing the contract import. The REST client loads them on
 * demand, so a widget's first paint carries no zod.
 *
 * The reactive controllers widgets are built from (`LoadController`, `Announcer`,
 * `FocusRequest`, `Ticker`, `InViewController`, `AttributeChecks`) are at
 * `@peerkit/core/controllers`, and the helpers that isolate person-written text in localised
 * sentences (`slot`, `fill`, `bdi`) at `@peerkit/core/bidi`, so a page pays only for what its
 * widgets use.
 */
export type * from './contract.js';
export * from './limits.js';
export { PeerError } from './client/types.js';
export type {
  CallOptions,
  PeerClient,
  PeerErrorKind,
  StreamHandlers,
  SubscribeOptions,
} from './client/types.js';
export { RestClient } from './client/rest-client.js';
export { parseRetryAfter } from './client/http.js';
export { serverNow, clockOffset } from './clock.js';
export { pageStorage } from './storage.js';
export { onStorageFailure } from './storage-failure.js';
export type { PageStorage } from './storage.js';
export type { RestClientOptions, TokenSource } from './client/rest-client.js';
export { toPeerError } from './client/errors.js';

export { peerContext, peerErrorClaims } from './context.js';
export type { PeerContextValue, PeerErrorClaims } from './context.js';

export { PeerElement, ensureContextRoot, hostHooks } from './element.js';
export type { HostHooks } from './element.js';
export { renderNotice, noticeStyles } from './notice.js';
export type { NoticeKind, NoticeProps } from './notice.js';
export { uniqueId } from './ids.js';
export { pageIri } from './page.js';
export { mentionId, mentionMarkdown } from './markdown/mention.js';
export { define, DEV } from './define-element.js';
export { PeerEvent, PeerErrorEvent } from './events.js';
export type { PeerEventDetail, PeerEventName, PeerEventOptions } from './events.js';
export { baseStyles, tokens } from './styles.js';
export { VERSION } from './version.js';

export { PeerProvider } from './provider/provider.js';
export { configure } from './provider/configure.js';
export { checkUrl } from './provider/runtime.js';
export type { ProviderConfig } from './provider/runtime.js';

export {
  msg,
  str,
  updateWhenLocaleChanges,
  registerTranslations,
  useLocale,
  matchLocale,
  messageLocale,
  availableLocales,
  documentLocale,
  SOURCE_LOCALE,
} from './l10n/localize.js';
export {
  formatRelativeTime,
  formatDateTime,
  formatCompact,
  formatNumber,
  formatList,
  plural,
} from './l10n/intl.js';
export { retryLabel, loadingLabel, offlineLabel } from './l10n/labels.js';

export { XapiRecorder } from './xapi/recorder.js';
export type { XapiMode, XapiRecorderOptions } from './xapi/recorder.js';
export type { Recorder, StatementInput } from './xapi/types.js';
export { VERBS, ACTIVITY_TYPES, PROFILE_ID, PROFILE_CATEGORY } from './xapi/vocabulary.js';
export type { VerbName, ActivityTypeName } from './xapi/vocabulary.js';
