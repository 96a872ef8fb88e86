/**
 * The examples of operations without a cmdlet (the CLI's options then come from the description):
 * the long run over every operation of the 33 modules (bench/whole-graph-examples.mjs) found that
 * a binary upload's CLI tab passed a JSON string where the command reads a file, and that the
 * HTTP tab listed query parameters in another order than the client sends them.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../src/pipeline/run-pipeline.js';

const DESCRIPTION = `openapi: 3.0.4
info: { title: Examples, version: v1.0 }
servers:
  - url: https://graph.microsoft.com/v1.0/
paths:
  /users/{user-id}/photo/$value:
    put:
      operationId: users.UpdatePhotoContent
      parameters:
        - { name: user-id, in: path, required: true, schema: { type: string } }
      requestBody:
        description: New media content.
        required: true
        content:
          application/octet-stream:
            schema: { type: string, format: binary }
      responses:
        '204': { description: Success }
  /users/{user-id}/calendarView:
    get:
      operationId: users.ListCalendarView
      parameters:
        - { name: user-id, in: path, required: true, schema: { type: string } }
        - { name: startDateTime, in: query, required: true, schema: { type: string } }
        - { name: endDateTime, in: query, required: true, schema: { type: string } }
      responses:
        '200':
          description: Success
          content:
            application/json:
              schema: { type: object }
`;

let dir = '';
let pages = new Map<string, string>();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'mgkit-fallback-examples-'));
  await writeFile(path.join(dir, 'examples.yaml'), DESCRIPTION);
  await writeFile(
    path.join(dir, 'mgkit.config.yaml'),
    `version: 1
units:
  - name: examples
    openapi: examples.yaml
    outputs:
      client: { dir: out/client, packageName: "@example/client" }
      cli: { dir: out/cli/src/generated, packageName: "@example/cli" }
      docs: { dir: out/docs }
`,
  );
  const result = await runPipeline({ configFile: path.join(dir, 'mgkit.config.yaml') });
  expect(result.diagnostics.errors).toEqual([]);
  pages = new Map(result.files.filter((file) => file.path.includes(`${path.sep}docs${path.sep}operations${path.sep}`)).map((file) => [path.basename(file.path), file.contents]));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const tab = (page: string | undefined, label: string) => new RegExp(`\`\`\`\\w+ \\[${label}\\]\\n([\\s\\S]*?)\\n\`\`\``).exec(page ?? '')?.[1] ?? '';

describe('examples of operations without a cmdlet', () => {
  it('a binary upload reads the file the HTTP and TypeScript tabs read', () => {
    const page = pages.get('users-photo-content-put.md');
    expect(tab(page, 'HTTP')).toContain('<the bytes of ./content.bin>');
    expect(tab(page, 'CLI')).toMatch(/--body \.\/content\.bin$/m);
  });

  it('the HTTP tab lists query parameters in the order the client sends them', () => {
    const request = tab(pages.get('users-calendar-view-get.md'), 'HTTP').split('\n')[0] ?? '';
    expect(request).toMatch(/^GET https:\/\/graph\.microsoft\.com\/v1\.0\/users\/[^/?]+\/calendarView\?endDateTime=[^&]+&startDateTime=[^&]+$/);
  });
});
