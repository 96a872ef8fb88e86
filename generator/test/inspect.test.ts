import { describe, expect, it } from 'vitest';
import { projectRoot, configFile } from './helpers/paths.js';
import { runGenerator } from './helpers/project.js';

describe('mgkit-gen inspect', async () => {
  it('prints the whole model as JSON', async () => {
    const result = await runGenerator(['inspect', '--config', configFile], projectRoot);
    expect(result.status).toBe(0);
    const model = JSON.parse(result.stdout) as { operations: { key: string }[]; commands: { name: string }[] };
    expect(model.operations.map((op) => op.key)).toContain('applications.synchronization.acquireAccessToken.post');
    expect(model.commands).toHaveLength(2);
  });

  it('prints one command, operation or type', async () => {
    const command = JSON.parse((await runGenerator(['inspect', '--config', configFile, '--command', 'get-mgapplicationsynchronizationaccesstoken'], projectRoot)).stdout) as {
      name: string;
      defaultParameterSet: string;
    };
    expect(command).toMatchObject({ name: 'Get-MgApplicationSynchronizationAccessToken', defaultParameterSet: 'AcquireExpanded' });
    const type = JSON.parse((await runGenerator(['inspect', '--config', configFile, '--type', 'SynchronizationSecret'], projectRoot)).stdout) as { members: unknown[] };
    expect(type.members).toHaveLength(45);
  });

  it('names what exists when asked for something that does not', async () => {
    const result = await runGenerator(['inspect', '--config', configFile, '--operation', 'nope'], projectRoot);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no operation 'nope' in the model \(known: applications\.synchronization\.acquireAccessToken\.post/);
  });
});
