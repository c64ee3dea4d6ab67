/** Registers every Peerkit tag (each skipped when it is taken). */
import '@peerkit/core/define';
import '@peerkit/kudos/define';
import '@peerkit/discussion/define';
