/** AutoRest's nouns, turned around: irregular plurals and `$value` name paths the way the cmdlets do. */
import { describe, expect, it } from 'vitest';
import { nounBag, nounFormsOfPath } from '../src/model/noun-matching.js';
import type { OpenApiOperation } from '../src/sources/openapi/index.js';

const operation = (path: string, method = 'get') => ({ path, method, operationId: 'x', parameters: [] }) as unknown as OpenApiOperation;

describe('noun forms of a path', () => {
  it('singularises children as AutoRest does (Get-MgDriveItemChild)', () => {
    expect(nounFormsOfPath(operation('/drives/{drive-id}/items/{driveItem-id}/children')).exact).toBe(nounBag('MgDriveItemChild'));
  });

  it('names a media resource $value Content (Get-MgUserPhotoContent)', () => {
    expect(nounFormsOfPath(operation('/users/{user-id}/photo/$value')).exact).toBe(nounBag('MgUserPhotoContent'));
  });

  it('keeps B2X together (Get-MgIdentityB2XUserFlow names /identity/b2xUserFlows)', () => {
    expect(nounFormsOfPath(operation('/identity/b2xUserFlows/{b2xIdentityUserFlow-id}')).exact).toBe(nounBag('MgIdentityB2XUserFlow'));
  });

  it('still singularises the regular plurals', () => {
    expect(nounFormsOfPath(operation('/applications/{application-id}/extensionProperties')).exact).toBe(nounBag('MgApplicationExtensionProperty'));
  });
});
