/**
 * The kit's shared messages: what a `PeerError` means to the person looking at the widget.
 * Widgets show `errorMessage(error)` next to a retry button rather than the raw error text.
 */
import { msg, str } from './localize.js';
import type { PeerError } from '../client/types.js';
import { storageMessage } from '../storage-failure.js';

/** A short, localised sentence for the person using the widget. */
export function errorMessage(error: PeerError): string {
  switch (error.kind) {
    case 'network':
      return msg("Can't reach the server. Check your connection and try again.", {
        id: 'core.error.network',
      });
    case 'auth':
      return error.status === 403
        ? msg("You don't have permission to do that.", { id: 'core.error.forbidden' })
        : msg('Sign in to continue.', { id: 'core.error.signin' });
    case 'validation':
      return msg('The server sent an answer we could not read. Try again later.', {
        id: 'core.error.validation',
      });
    case 'aborted':
      return msg('Cancelled.', { id: 'core.error.aborted' });
    case 'config':
      return configMessage(error);
    case 'storage':
      return storageMessage();
    case 'http':
      if (error.status === 429)
        return msg('Too many requests right now. Try again in a moment.', {
          id: 'core.error.rate',
        });
      if (error.status === 404)
        return msg('That was not found. It may have been deleted.', { id: 'core.error.notfound' });
      if (error.status === 409 || error.status === 412)
        return msg('That changed in the meantime. Reload and try again.', {
          id: 'core.error.conflict',
        });
      if (error.status !== undefined && error.status < 500)
        return msg('The server could not accept that. Check what you entered.', {
          id: 'core.error.rejected',
        });
      return msg('Something went wrong on the server. Try again.', { id: 'core.error.server' });
  }
}

/** Config errors carry a `code` in their problem `type` so the message can be localised. */
function configMessage(error: PeerError): string {
  const value = String(error.details.problem?.['value'] ?? '');
  switch (error.details.problem?.type) {
    case 'peerkit:config/endpoint-missing':
      return msg('Peerkit is not configured: the provider has no endpoint.', {
        id: 'core.config.endpoint-missing',
      });
    case 'peerkit:config/endpoint':
      return msg(str`Peerkit is not configured: the endpoint "${value}" is not a URL.`, {
        id: 'core.config.endpoint',
      });
    case 'peerkit:config/xapi':
      return msg(
        str`Peerkit is not configured: "${value}" is not an xAPI mode (use proxy, direct or off).`,
        {
          id: 'core.config.xapi',
        },
      );
    case 'peerkit:config/lrs-endpoint':
      return msg(str`Peerkit is not configured: the LRS endpoint "${value}" is not a URL.`, {
        id: 'core.config.lrs-endpoint',
      });
    case 'peerkit:config/credentials':
      return msg(
        str`Peerkit is not configured: "${value}" is not a credentials mode (use omit, same-origin or include).`,
        {
          id: 'core.config.credentials',
        },
      );
    case 'peerkit:config/outbox-full':
      return msg('Activity records could not be saved: the outbox is full.', {
        id: 'core.config.outbox-full',
      });
    default:
      return msg('Peerkit is not configured correctly.', { id: 'core.config.other' });
  }
}
