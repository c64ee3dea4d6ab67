/** Registers every Peerkit tag (each skipped when it is taken). */
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import '@peerkit/discussion/define';
import '@peerkit/experts/define';
import '@peerkit/reflection/define';

/** The whole typed surface (tag maps, event maps, properties) comes with the define entry too. */
export type * from './index.js';
