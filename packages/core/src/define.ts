/** Registers `<peer-provider>` (skipping the tag if it is taken). */
import { define } from './define-element.js';
import { PeerProvider } from './provider/provider.js';

define('peer-provider', PeerProvider);
