import { describe, expect, it } from 'vitest';
import { parsePathPattern } from '../src/model/select.js';

describe('path patterns (config include/exclude and slice)', () => {
  it('take parentheses in Graph key segments literally, not as glob groups', () => {
    const keyed = parsePathPattern("/applications(appId='{appId}')/owners");
    expect(keyed.matches("/applications(appId='{appId}')/owners")).toBe(true);
    const star = parsePathPattern('/applications(*)');
    expect(star.matches('/applications')).toBe(false);
    expect(star.matches("/applications(appId='{appId}')")).toBe(true);
  });

  it('read the method in both spellings and keep ** across segments', () => {
    const leading = parsePathPattern('POST /applications/**');
    const trailing = parsePathPattern('/applications/**#POST');
    for (const pattern of [leading, trailing]) {
      expect(pattern.method).toBe('post');
      expect(pattern.matches('/applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken')).toBe(true);
      expect(pattern.matches('/servicePrincipals/{id}')).toBe(false);
    }
  });
});
