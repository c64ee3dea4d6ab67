/**
 * Registers `<peer-discussion>` (skipping a tag that is already taken) together with the
 * `<peer-kudos>` every post carries.
 */
import '@peerkit/kudos/define';
import { define } from '@peerkit/core';
import { PeerDiscussion } from './discussion.js';

define('peer-discussion', PeerDiscussion);

export { PeerDiscussion };
