import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MARKER } from '../src/output/index.js';
import { breakAtWords } from '../src/targets/docs/reference-index.js';
import { bareDotLines, codeGroupTabs, emitProjectDocs, type EmittedDocs } from './docs-helpers.js';
import { projectRoot } from './helpers/paths.js';

const OPERATION = 'operations/applications-synchronization-acquire-access-token-post.md';
const SP_OPERATION = 'operations/service-principals-synchronization-acquire-access-token-post.md';

let docs: EmittedDocs;
beforeAll(async () => {
  docs = await emitProjectDocs();
});

function markdownFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the docs target on the project specs', () => {
  it('emits a page per operation, cmdlet, CLI command, request builder and model, plus index and sidebar', () => {
    const paths = docs.pages.map((page) => page.path);
    expect(paths).toContain(OPERATION);
    expect(paths).toContain(SP_OPERATION);
    expect(paths).toContain('cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
    expect(paths).toContain('cmdlets/Get-MgServicePrincipalSynchronizationAccessToken.md');
    expect(paths).toContain('cli/applications-synchronization-acquire-access-token-post.md');
    expect(paths).toContain('client/index.md');
    expect(paths).toContain('client/applications-item-synchronization-acquire-access-token.md');
    expect(paths).toContain('models/synchronization-secret.md');
    expect(paths).toContain('index.md');
    expect(paths).toContain('sidebar.json');
    expect(paths.filter((p) => p.startsWith('models/'))).toHaveLength(docs.model.types.length);
  });

  it('renders the operation page in the Graph reference style', () => {
    const page = docs.page(OPERATION);
    // Both paths of the action, as the Graph reference lists them; the qualified name as a note.
    expect(page).toContain('```http\nPOST /applications/{application-id}/synchronization/acquireAccessToken\nPOST /servicePrincipals/{servicePrincipal-id}/synchronization/acquireAccessToken\n```');
    expect(page).toContain('The other path of this action has its own page: [acquireAccessToken (servicePrincipals, POST)](./service-principals-synchronization-acquire-access-token-post.md).');
    expect(page).toContain('`POST /applications/{application-id}/synchronization/microsoft.graph.acquireAccessToken`');
    expect(docs.page(SP_OPERATION)).toContain(
      '```http\nPOST /servicePrincipals/{servicePrincipal-id}/synchronization/acquireAccessToken\nPOST /applications/{application-id}/synchronization/acquireAccessToken\n```',
    );
    expect(page).toContain('| Delegated (work or school account) | Synchronization.ReadWrite.All | Not available. |');
    expect(page).toContain('| Delegated (personal Microsoft account) | Not supported. | Not supported. |');
    expect(page).toContain('| Application | Application.ReadWrite.OwnedBy | Synchronization.ReadWrite.All |');
    expect(page).toContain('| Authorization | Bearer {token}. Required. |');
    expect(page).toContain('| Content-Type | application/json. Required. |');
    expect(page).toContain('[SynchronizationSecretKeyStringValuePair](../models/synchronization-secret-key-string-value-pair.md) collection');
    expect(page).toContain('has 45 members');
    const secret = docs.model.types.find((type) => type.name === 'SynchronizationSecret');
    for (const member of secret?.kind === 'enum' ? secret.members : []) expect(page).toContain(`\`${member.value}\``);
    expect(page).toContain('`204 No Content`');
    expect(page).toContain('[ODataError](../models/o-data-error.md)');
    expect(page).toContain('"request-id"');
  });

  it('shows one example in four tabs that say the same thing', () => {
    for (const path of [OPERATION, SP_OPERATION]) {
      const tabs = codeGroupTabs(docs.page(path));
      expect([...tabs.keys()]).toEqual(['HTTP', 'TypeScript', 'CLI', 'PowerShell']);
      const http = tabs.get('HTTP') ?? '';
      const id = /\/(?:applications|servicePrincipals)\/([0-9a-f-]{36})\//.exec(http)?.[1];
      expect(id).toBeDefined();
      for (const [title, code] of tabs) {
        expect(code, title).toContain(id);
        expect(code, title).toContain('UserName');
        expect(code, title).toContain('Password');
        // UserName is an identity, shown; Password a secret: a placeholder, or in the CLI a file
        expect(code, title).toContain('admin@contoso.com');
        expect(code.match(/<secret>/g) ?? [], title).toHaveLength(title === 'CLI' ? 0 : 1);
      }
      expect(http).toMatch(/^POST https:\/\/graph\.microsoft\.com\/v1\.0\/.*\/synchronization\/microsoft\.graph\.acquireAccessToken\nContent-Type: application\/json\n\n\{/);
      expect(JSON.parse(http.slice(http.indexOf('{')))).toEqual({
        credentials: [
          { key: 'UserName', value: 'admin@contoso.com' },
          { key: 'Password', value: '<secret>' },
        ],
      });
    }
    const tabs = codeGroupTabs(docs.page(OPERATION));
    expect(tabs.get('TypeScript')).toContain('const requestBody: AcquireAccessTokenPostRequestBody = {');
    expect(tabs.get('TypeScript')).toMatch(/await client\.applications\n  \.byApplicationId\("[0-9a-f-]{36}"\)\n  \.synchronization\.acquireAccessToken\.post\(requestBody\);$/);
    // the secret comes from a file, never the command line
    expect(tabs.get('CLI')).toContain('--credentials UserName=admin@contoso.com \\\n  --credentials Password=@password.txt');
    expect(tabs.get('PowerShell')).toContain(
      "Get-MgApplicationSynchronizationAccessToken `\n  -ApplicationId '8a3e4f2c-61b5-4d7a-9c0e-2f6b1d4a7e93' `\n  -Credentials @(\n    @{ Key = 'UserName'; Value = 'admin@contoso.com' }\n    @{ Key = 'Password'; Value = '<secret>' }\n  )",
    );
  });

  it('replaces placeholder examples and bare "." descriptions in cmdlet pages', () => {
    const page = docs.page('cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
    expect(page).not.toContain('{{ Add code here }}');
    expect(page).toContain('### Example 1: Pass the values as parameters');
    expect(page).toContain('### Example 2: Pass the request body as a hash table');
    expect(page).toContain('### -BodyParameter\nAction parameters\nTo construct, see NOTES');
    expect(page).toContain('### -Credentials\nA collection of SynchronizationSecretKeyStringValuePair objects.');
    expect(page).toMatch(/`BODYPARAMETER <IPaths1Rpqowm\w+>`: Action parameters\n/);
  });

  it('lets long sidebar names break at their words, not mid-word', () => {
    const sidebar = docs.page('sidebar.json');
    expect(sidebar).toContain('"text": "Get-<wbr>Mg<wbr>Application<wbr>Synchronization<wbr>Access<wbr>Token"');
    expect(breakAtWords('Short-Name')).toBe('Short-Name');
    expect(breakAtWords('AcquireAccessTokenPostRequestBody')).toBe('Acquire<wbr>Access<wbr>Token<wbr>Post<wbr>Request<wbr>Body');
    // entities stay whole
    expect(breakAtWords('ListOfSomething&lt;Widget&gt;LongName')).toBe('List<wbr>Of<wbr>Something&lt;Widget&gt;Long<wbr>Name');
  });

  it('links each cmdlet page to its mgkit command, and writes no empty ALIASES heading', () => {
    const page = docs.page('cmdlets/Get-MgApplicationSynchronizationAccessToken.md');
    expect(page).toContain('[mgkit command: mgkit applications synchronization acquire-access-token post](../cli/applications-synchronization-acquire-access-token-post.md)');
    expect(page).not.toMatch(/^ALIASES$/m);
  });

  it('leaves no placeholder and no bare "." description in any page, emitted or on disk', () => {
    for (const page of docs.pages) {
      expect(page.contents, page.path).not.toMatch(/\{\{ *Add .* here *\}\}|\{\{ *Fill .*\}\}/);
      expect(bareDotLines(page.contents), page.path).toEqual([]);
    }
    const onDisk = path.join(projectRoot, 'docs/reference');
    if (!existsSync(onDisk)) return;
    for (const file of markdownFilesUnder(onDisk)) {
      const contents = readFileSync(file, 'utf8');
      expect(contents, file).not.toContain('{{ Add code here }}');
      expect(bareDotLines(contents), file).toEqual([]);
    }
  });

  it('marks every page as generated and links only to pages it emits', () => {
    const paths = new Set(docs.pages.map((page) => page.path));
    for (const page of docs.pages) {
      expect(page.contents, page.path).toContain(GENERATED_MARKER);
      if (!page.path.endsWith('.md')) continue;
      const withoutFences = page.contents.replace(/^(`{3,})[\s\S]*?^\1$/gm, '');
      for (const match of withoutFences.matchAll(/\]\((\.{1,2}\/[^)#\s]+)(#[^)]*)?\)/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page.path), match[1] ?? ''));
        expect(paths.has(target), `${page.path} → ${match[1]}`).toBe(true);
      }
    }
    const sidebar = JSON.parse(docs.page('sidebar.json')) as { items: { items?: { link: string }[] }[] };
    const links = sidebar.items.flatMap((item) => item.items ?? []).map((item) => item.link);
    for (const link of links) {
      const page = link.replace(/^\/reference\//, '').replace(/(^|\/)$/, '$1index');
      expect(paths.has(`${page}.md`), link).toBe(true);
    }
  });

  it('is deterministic', async () => {
    const again = await emitProjectDocs();
    expect(again.pages).toEqual(docs.pages);
  });
});

describe('the docs target without cmdlet help', () => {
  it('still renders HTTP, TypeScript and CLI tabs, with the CLI options of an operation-only command', async () => {
    const { makeTempProject } = await import('./helpers/project.js');
    const { readFile, writeFile } = await import('node:fs/promises');
    const project = await makeTempProject();
    try {
      const config = await readFile(project.configFile, 'utf8');
      await writeFile(project.configFile, config.replace('        - Get-Mg*SynchronizationAccessToken', '        - No-SuchCmdlet'));
      const bare = await emitProjectDocs(project.configFile);
      expect(bare.model.commands).toEqual([]);
      const tabs = codeGroupTabs(bare.page(OPERATION));
      expect([...tabs.keys()]).toEqual(['HTTP', 'TypeScript', 'CLI']);
      expect(tabs.get('CLI')).toMatch(/^mgkit applications synchronization acquire-access-token post \\\n  --application-id [0-9a-f-]{36} \\\n  --body '\{"credentials":\[/);
      expect(bare.pages.some((page) => page.path.startsWith('cmdlets/'))).toBe(false);
      expect(bare.page('cli/applications-synchronization-acquire-access-token-post.md')).toContain('### Default (default)');
    } finally {
      await project.dispose();
    }
  });
});
