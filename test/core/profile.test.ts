import { expect } from '@open-wc/testing';
import { ACTIVITY_TYPES, PROFILE_ID, VERBS } from '@peerkit/core';
import { REFLECTION_EXTENSIONS as EXTENSIONS } from '@peerkit/core/contract';

interface Rule {
  location: string;
  presence: string;
}

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
      templates: { id: string; verb: string; objectActivityType: string; rules: Rule[] }[];
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

  it('defines the reflection extensions and the reflected template with its recording rule', async () => {
    const res = await fetch('/packages/core/profile/peerkit-profile.jsonld');
    const profile = (await res.json()) as {
      concepts: (Concept & { inlineSchema?: string })[];
      templates: {
        verb: string;
        objectActivityType: string;
        definition: { en: string };
        rules: Rule[];
      }[];
    };
    const extensions = profile.concepts.filter((c) => c.type.endsWith('Extension'));
    expect(extensions.map((c) => c.id).sort()).to.deep.equal(Object.values(EXTENSIONS).sort());
    for (const c of extensions) expect(JSON.parse(c.inlineSchema!), c.id).to.be.an('object');
    expect(extensions.find((c) => c.id === EXTENSIONS.answers)?.type).to.equal('ResultExtension');
    const [reflected] = profile.templates;
    expect(reflected!.verb).to.equal(VERBS.reflected.id);
    expect(reflected!.objectActivityType).to.equal(ACTIVITY_TYPES.reflection);
    expect(reflected!.definition.en).to.match(/30 minutes/);
    const included = reflected!.rules
      .filter((r) => r.presence === 'included')
      .map((r) => r.location);
    expect(included).to.include('$.result.response');
    expect(included).to.include(`$.context.extensions['${EXTENSIONS.promptIds}']`);
  });
});
