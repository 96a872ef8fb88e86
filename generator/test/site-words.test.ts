/** The site's search words: how the index and the page script split names into words. */
import { describe, expect, it } from 'vitest';
import { searchWords } from '../src/site/words.js';

/** The function as the page script gets it: its source, evaluated on its own (no imports, no closure). */
function asPageScriptGetsIt(): (text: string) => string[] {
  return new Function(`return ${searchWords.toString()};`)() as (text: string) => string[];
}

describe('search words', () => {
  const samples = ['acquireAccessToken', 'Get-MgApplicationSynchronizationAccessToken', 'check-member-groups post', 'OAuth2PermissionGrant (GET)', 'getStaffAvailability', 'B2XUserFlow', 'x_y z'];

  it('split camelCase, PascalCase and kebab-case names into words, keeping the whole name', () => {
    expect(searchWords('acquireAccessToken')).toEqual(['acquire', 'Access', 'Token', 'acquireAccessToken']);
    expect(searchWords('Get-MgApplicationSynchronizationAccessToken')).toEqual(expect.arrayContaining(['Get', 'Mg', 'Application', 'Synchronization', 'Access', 'Token']));
    expect(searchWords('check-member-groups post')).toEqual(['check', 'member', 'groups', 'checkmembergroups', 'post']);
    expect(searchWords('OAuth2PermissionGrant')).toEqual(expect.arrayContaining(['Permission', 'Grant']));
  });

  it('are the same in the page script that splits what a reader types', () => {
    const inPage = asPageScriptGetsIt();
    for (const sample of samples) expect(inPage(sample), sample).toEqual(searchWords(sample));
  });
});
