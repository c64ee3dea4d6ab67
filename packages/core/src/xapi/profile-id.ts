/**
 * The Peerkit xAPI profile's IRI, on its own so a widget that names a profile extension does
 * not pull the whole vocabulary (which only statement building needs) into its first paint.
 */
export const PROFILE_ID = 'https://w3id.org/xapi/peerkit';
