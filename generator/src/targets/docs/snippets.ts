/**
 * The example of an operation in each language: HTTP, the TypeScript client, the CLI and
 * PowerShell. All four render the same `OperationExample`; each language has its module.
 */
import type { ApiModel } from '../../model/index.js';
import { BINARY_EXAMPLE_FILE, isBinaryExample, toJson, type OperationExample } from './example-value.js';
import { typeScriptCode } from './snippet-typescript.js';
import type { ClientSurface } from '../shared/client-surface/index.js';
import { compareQueryParameters } from '../shared/uri-template.js';
import type { Snippet } from './snippet.js';

export { cliArguments, cliCall, cliSnippet, shellQuote } from './snippet-cli.js';
export { powerShellCode, powerShellSnippet, psQuote, psValue } from './snippet-powershell.js';

export type { Snippet } from './snippet.js';

/** The URL path the client sends, with the example's keys filled in. */
function requestUrl(model: ApiModel, example: OperationExample): string {
  let path = example.operation.requestPath;
  for (const { parameter, value } of example.pathValues) {
    path = path.replace(`{${parameter.wireName}}`, encodeURIComponent(value));
  }
  // in the order the client sends them (its URI template's), so the request line is the one on the wire
  const query = [...example.queryValues]
    .sort((a, b) => compareQueryParameters(a.parameter.wireName, b.parameter.wireName))
    .map(({ parameter, value }) => `${encodeURIComponent(parameter.wireName)}=${encodeURIComponent(value)}`)
    .join('&');
  return `${model.baseUrl}${path}${query ? `?${query}` : ''}`;
}

export function httpSnippet(model: ApiModel, example: OperationExample): Snippet {
  const { operation } = example;
  const lines = [`${operation.method} ${requestUrl(model, example)}`];
  if (operation.requestBody && example.body) {
    const shown = isBinaryExample(example.body) ? `<the bytes of ${BINARY_EXAMPLE_FILE}>` : JSON.stringify(toJson(example.body), null, 2);
    lines.push(`Content-Type: ${operation.requestBody.contentType}`, '', shown);
  }
  return { title: 'HTTP', language: 'http', code: lines.join('\n') };
}

export function typeScriptSnippet(example: OperationExample, packageName: string, surface: ClientSurface): Snippet {
  return { title: 'TypeScript', language: 'ts', code: typeScriptCode(example, packageName, surface) };
}
