import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';

/**
 * Storybook 10 for the Peerkit elements: stories in `stories/`, controls and docs tables from
 * the Custom Elements Manifest (`npm run analyze`, run first by `npm run storybook` and
 * `npm run build-storybook`), the a11y addon on every story. Stories render without a server:
 * each gives its provider a small in-story `PeerClient`.
 */
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts', '../stories/**/*.mdx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    // Packages resolve to their TypeScript sources, as everywhere else in the repository.
    return mergeConfig(viteConfig, {
      resolve: { conditions: ['source', ...defaultClientConditions] },
    });
  },
};

export default config;
