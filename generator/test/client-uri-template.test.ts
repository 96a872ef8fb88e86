import { describe, expect, it } from 'vitest';
import { pathTemplate, queryTemplate, segmentVariables, templatePathSegment, templateVariableName } from '../src/targets/shared/uri-template.js';

describe('client target: URI templates, Kiota style', () => {
  it('percent-encodes variable names like Kiota (Uri.EscapeDataString, then - . ~)', () => {
    expect(templateVariableName('application-id')).toBe('application%2Did');
    expect(templateVariableName('servicePrincipal-id')).toBe('servicePrincipal%2Did');
    expect(templateVariableName('$select')).toBe('%24select');
    expect(templateVariableName('a.b~c_d')).toBe('a%2Eb%7Ec_d');
    expect(templateVariableName("x(y)*'!")).toBe('x%28y%29%2A%27%21');
    expect(templateVariableName('grüße id')).toBe('gr%C3%BC%C3%9Fe%20id');
    expect(templateVariableName('top')).toBe('top');
  });

  it('renames the variables inside path segments and keeps the literal text', () => {
    expect(templatePathSegment('{application-id}')).toBe('{application%2Did}');
    expect(templatePathSegment("applications(appId='{appId}')")).toBe("applications(appId='{appId}')");
    expect(segmentVariables("x(a='{a-b}',c='{c}')")).toEqual(['a-b', 'c']);
    expect(pathTemplate(['applications', '{application-id}', 'synchronization', 'microsoft.graph.acquireAccessToken'])).toBe(
      '{+baseurl}/applications/{application%2Did}/synchronization/microsoft.graph.acquireAccessToken',
    );
    expect(pathTemplate([])).toBe('{+baseurl}');
  });

  it('sorts query variables and marks exploded arrays', () => {
    expect(queryTemplate([])).toBe('');
    expect(
      queryTemplate([
        { wireName: '$select', explode: false },
        { wireName: '$expand', explode: false },
      ]),
    ).toBe('{?%24expand,%24select}');
    expect(
      queryTemplate([
        { wireName: 'tags', explode: true },
        { wireName: '$top', explode: false },
      ]),
    ).toBe('{?%24top,tags*}');
  });
});
