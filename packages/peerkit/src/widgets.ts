/**
 * The widgets of the CDN module that load on first use: tag → the package's `define` entry,
 * relative to this file. To add a widget, add its line here (and its class to `index.ts`,
 * its define entry to `define.ts`). A widget whose package has no `define.ts` yet is left
 * out of the build, not faked.
 */
export const LAZY_WIDGETS: Record<string, string> = {
  'peer-discussion': '../../discussion/src/define.ts',
  'peer-expert-finder': '../../experts/src/define.ts',
  'peer-reflection-card': '../../reflection/src/define.ts',
};
