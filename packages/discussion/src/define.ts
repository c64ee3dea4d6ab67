/**
 * Registers `<peer-discussion>` (skipping a tag that is already taken) together with the
 * `<peer-kudos>` every post carries.
 */
import '@peerkit/kudos/define';
import { define } from '@peerkit/core';
import { PeerDiscussion } from './discussion.js';

define('peer-discussion', PeerDiscussion);

export { PeerDiscussion };

/** The whole typed surface (tag map, event map, properties) comes with the define entry too. */
export type * from './index.js';
