// src/code/answer-types.json is generated from Brevo's official definitions (../shared) by
// scripts/write-answer-types.mjs: it must be current, and cover every operation of the catalog.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerTypes } from '../scripts/lib/answer-types.mjs';
import { contractRows, sharedAvailable, sharedDir } from '../scripts/lib/reference.mjs';
import { answerTypesUrl } from '../src/code/declarations.js';
import { readManifest } from '../src/tools/manifest.js';

const committed = JSON.parse(readFileSync(answerTypesUrl, 'utf8')) as Record<string, string>;

describe('answer types', () => {
  it('has a type for every catalog operation', () => {
    expect(Object.keys(committed).sort()).toEqual(
      readManifest()
        .map((t) => t.name)
        .sort(),
    );
    const unknown = Object.entries(committed)
      .filter(([, type]) => type === 'unknown')
      .map(([name]) => name);
    // Operations whose success answer the definition leaves without a schema.
    expect(unknown.length).toBeLessThan(10);
  });

  const available = sharedAvailable();
  if (!available)
    console.warn(
      `answer types freshness test skipped: ${sharedDir} (Brevo's reference definitions) is not present ` +
        `on this machine`,
    );
  it.skipIf(!available)('is what scripts/write-answer-types.mjs writes from the reference today', () => {
    expect(answerTypes(contractRows())).toEqual(committed);
  });
});
