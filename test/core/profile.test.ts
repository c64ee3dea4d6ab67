import { expect } from '@open-wc/testing';
import { ACTIVITY_TYPES, PROFILE_ID, VERBS } from '@peerkit/core';

interface Concept {
  id: string;
  type: string;
  inScheme: string;
  prefLabel: Record<string, string>;
  definition: Record<string, string>;
}

describe('the Peerkit xAPI profile', () => {
  it('lists exactly the verbs and activity types of the vocabulary', async () => {
    const res = await fetch('/packages/core/profile/peerkit-profile.jsonld');
    const profile = (await res.json()) as {
      id: string;
      type: string;
      versions: { id: string }[];
      concepts: Concept[];
    };
    expect(profile.id).to.equal(PROFILE_ID);
    expect(profile.type).to.equal('Profile');
    const verbs = profile.concepts.filter((c) => c.type === 'Verb');
    const types = profile.concepts.filter((c) => c.type === 'ActivityType');
    expect(verbs.map((v) => v.id).sort()).to.deep.equal(
      Object.values(VERBS)
        .map((v) => v.id)
        .sort(),
    );
    expect(types.map((t) => t.id).sort()).to.deep.equal(Object.values(ACTIVITY_TYPES).sort());
    for (const v of Object.values(VERBS))
      expect(verbs.find((c) => c.id === v.id)?.prefLabel['en']).to.equal(v.display);
    for (const c of profile.concepts) {
      expect(c.inScheme).to.equal(profile.versions[0]!.id);
      expect(c.definition['en'], c.id).to.be.a('string').and.not.equal('');
    }
  });
});
