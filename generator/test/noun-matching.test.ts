/** AutoRest's nouns, turned around: irregular plurals and `$value` name paths the way the cmdlets do. */
import { describe, expect, it } from 'vitest';
import { nounBag, nounFormsOfPath, nounScore, withoutPrepositions } from '../src/model/noun-matching.js';
import type { OpenApiOperation } from '../src/sources/openapi/index.js';

const operation = (path: string, method = 'get', tags: string[] = []) => ({ path, method, operationId: 'x', parameters: [], tags }) as unknown as OpenApiOperation;

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

/** The score a noun gets for a path (0: no match), as the binder ranks candidates. */
const score = (noun: string, path: string, hints: string[] = [], operationType?: 'action' | 'function') =>
  nounScore(nounFormsOfPath({ ...operation(path, operationType === 'function' ? 'get' : 'post'), operationType } as unknown as OpenApiOperation), nounBag(noun), hints);

describe('AutoRest nouns the 33-module corpus taught', () => {
  it('meets plurals in -es and words ending in e or s on one stem (classes/Class, searches/Search, aliases/Alias)', () => {
    expect(nounFormsOfPath(operation('/education/classes')).exact).toBe(nounBag('MgEducationClass'));
    expect(nounFormsOfPath(operation('/security/cases/ediscoveryCases/{id}/searches')).exact).toBe(nounBag('MgSecurityCaseEdiscoveryCaseSearch'));
    expect(nounFormsOfPath(operation('/domains/{id}/aliases')).exact).toBe(nounBag('MgDomainAlias'));
  });

  it('reads Mgt as Management and keeps iOS one word (Get-MgDeviceAppMgtiOSManagedAppProtection)', () => {
    expect(nounFormsOfPath(operation('/deviceAppManagement/iosManagedAppProtections')).exact).toBe(nounBag('MgDeviceAppMgtiOSManagedAppProtection'));
  });

  it('lets a noun leave out a leading container without a key, ranked below a full match', () => {
    const withoutRoot = score('MgBookingBusiness', '/solutions/bookingBusinesses');
    expect(withoutRoot).toBeGreaterThan(0);
    expect(withoutRoot).toBeLessThan(score('MgSolutionBookingBusiness', '/solutions/bookingBusinesses'));
    // a keyed first segment is not a container: /users/{id}/… always says User
    expect(score('MgMessage', '/users/{user-id}/messages')).toBe(0);
  });

  it('names a lone root entity set with Entity (/search → Get-MgSearchEntity)', () => {
    expect(score('MgSearchEntity', '/search')).toBeGreaterThan(0);
  });

  /** As `score`, for an entity operation whose tag is given. */
  const tagged = (noun: string, path: string, tag: string, method = 'get') => nounScore(nounFormsOfPath(operation(path, method, [tag])), nounBag(noun), []);

  it('names a root entity set or singleton with the entity type its tag gives (Get-MgEducationRoot, Get-MgShareSharedDriveItemSharedDriveItem)', () => {
    expect(tagged('MgEducationRoot', '/education', 'education.educationRoot')).toBeGreaterThan(0);
    expect(tagged('MgEducationRoot', '/education', 'education.educationRoot', 'patch')).toBeGreaterThan(0);
    expect(tagged('MgShareSharedDriveItemSharedDriveItem', '/shares', 'shares.sharedDriveItem')).toBeGreaterThan(0);
    expect(tagged('MgShareSharedDriveItemSharedDriveItem', '/shares/{sharedDriveItem-id}', 'shares.sharedDriveItem', 'delete')).toBeGreaterThan(0);
    // only the root's own tag, and only at the root
    expect(tagged('MgEducationRoot', '/education', 'education.educationUser')).toBe(0);
    expect(tagged('MgEducationRoot', '/education/classes', 'education.educationRoot')).toBe(0);
  });

  it('names a single-valued navigation with Default where AutoRest adds it (Get-MgUserDefaultDrive → /users/{id}/drive), never a collection', () => {
    expect(nounScore(nounFormsOfPath(operation('/users/{user-id}/drive')), nounBag('MgUserDefaultDrive'), [])).toBeGreaterThan(0);
    expect(nounScore(nounFormsOfPath(operation('/users/{user-id}/calendar')), nounBag('MgUserDefaultCalendar'), [])).toBeGreaterThan(0);
    expect(nounScore(nounFormsOfPath(operation('/users/{user-id}/drives')), nounBag('MgUserDefaultDrive'), [])).toBe(0);
    expect(nounScore(nounFormsOfPath(operation('/users/{user-id}/drives/{drive-id}')), nounBag('MgUserDefaultDrive'), [])).toBe(0);
    expect(nounScore(nounFormsOfPath(operation('/users/{user-id}/calendars')), nounBag('MgUserDefaultCalendar'), [])).toBe(0);
  });

  it('names a type cast with As, its count too (Get-MgGroupMemberAsUser, Get-MgGroupMemberCountAsUser), and never an action that way', () => {
    const get = (noun: string, path: string, operationType?: 'action') => nounScore(nounFormsOfPath({ ...operation(path), operationType } as unknown as OpenApiOperation), nounBag(noun), []);
    expect(get('MgGroupMemberAsUser', '/groups/{group-id}/members/microsoft.graph.user')).toBeGreaterThan(0);
    expect(get('MgGroupMemberAsUser', '/groups/{group-id}/members/{directoryObject-id}/microsoft.graph.user')).toBeGreaterThan(0);
    expect(get('MgGroupMemberCountAsUser', '/groups/{group-id}/members/microsoft.graph.user/$count')).toBeGreaterThan(0);
    expect(get('MgGroupMemberAsUser', '/groups/{group-id}/members')).toBe(0);
    expect(get('MgApplicationAsKey', '/applications/{application-id}/microsoft.graph.addKey', 'action')).toBe(0);
  });

  it('names an alternate key with By (Get-MgApplicationByAppId, Get-MgGroupByUniqueName), and a function argument never that way', () => {
    const get = (noun: string, path: string, operationType?: 'function') => nounScore(nounFormsOfPath({ ...operation(path), operationType } as unknown as OpenApiOperation), nounBag(noun), []);
    expect(get('MgApplicationByAppId', "/applications(appId='{appId}')")).toBeGreaterThan(0);
    expect(get('MgGroupByUniqueName', "/groups(uniqueName='{uniqueName}')")).toBeGreaterThan(0);
    expect(get('MgApplicationByAppId', '/applications/{application-id}')).toBe(0);
    expect(get('MgDriveByQ', "/drives/{drive-id}/microsoft.graph.search(q='{q}')", 'function')).toBe(0);
  });

  it('reads a noun without the prepositions the SDK adds to some actions (Remove-MgGroupFromLifecyclePolicy → removeGroup)', () => {
    const path = '/groupLifecyclePolicies/{groupLifecyclePolicy-id}/microsoft.graph.removeGroup';
    const forms = nounFormsOfPath({ ...operation(path, 'post'), operationType: 'action' } as unknown as OpenApiOperation);
    expect(nounScore(forms, nounBag('MgGroupFromLifecyclePolicy'), ['remove'])).toBe(0);
    expect(nounScore(forms, withoutPrepositions(nounBag('MgGroupFromLifecyclePolicy')), ['remove'])).toBeGreaterThan(0);
    const add = nounFormsOfPath({ ...operation('/groupLifecyclePolicies/{groupLifecyclePolicy-id}/microsoft.graph.addGroup', 'post'), operationType: 'action' } as unknown as OpenApiOperation);
    expect(nounScore(add, withoutPrepositions(nounBag('MgGroupToLifecyclePolicy')), ['add'])).toBeGreaterThan(0);
  });

  it('tells a path whose words repeat from the root set of the same words with By (Get-MgGroupLifecyclePolicyByGroup)', () => {
    expect(nounScore(nounFormsOfPath(operation('/groups/{group-id}/groupLifecyclePolicies')), nounBag('MgGroupLifecyclePolicyByGroup'), [])).toBeGreaterThan(0);
    expect(nounScore(nounFormsOfPath(operation('/groupLifecyclePolicies')), nounBag('MgGroupLifecyclePolicyByGroup'), [])).toBe(0);
  });

  it('drops the action word the cmdlet verb says, wherever it stands in the action (remoteLock → Lock-Mg…Remote)', () => {
    const path = '/deviceManagement/managedDevices/{managedDevice-id}/microsoft.graph.remoteLock';
    expect(score('MgDeviceManagementManagedDeviceRemote', path, ['lock'], 'action')).toBeGreaterThan(0);
    expect(score('MgDeviceManagementManagedDeviceRemote', path, ['get'], 'action')).toBe(0);
  });

  it('names a namespaced action by its last part, and ranks the one the verb says first (Remove-…Hold → removeHold, not applyHold)', () => {
    const base = '/security/cases/ediscoveryCases/{ediscoveryCase-id}/custodians/{ediscoveryCustodian-id}/microsoft.graph.security.';
    const remove = score('MgSecurityCaseEdiscoveryCaseCustodianHold', `${base}removeHold`, ['remove'], 'action');
    const apply = score('MgSecurityCaseEdiscoveryCaseCustodianHold', `${base}applyHold`, ['remove'], 'action');
    expect(remove).toBeGreaterThan(apply);
  });
});
