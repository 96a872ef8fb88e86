/**
 * Help over many commands (every Graph module in one binary): above 40 commands, the root and a
 * group list the next words with how many commands each holds, as gh and az do; a group of one
 * command shows that command. Few commands are listed one by one, with their aliases.
 */
import { describe, expect, it } from 'vitest';
import type { CommandIndexEntry } from '../src/runtime/definition.js';
import { rootHelp } from '../src/runtime/help.js';

function entry(path: string, summary = `Summary of ${path}.`): CommandIndexEntry {
  return { path: path.split(' '), aliases: [], summary, load: () => Promise.reject(new Error('help loads no command')) };
}

/** 60 commands under users (two modules' worth), 3 under groups, and one lone action. */
const MANY: CommandIndexEntry[] = [
  ...Array.from({ length: 30 }, (_, index) => entry(`users people-${String(index).padStart(2, '0')} get`)),
  ...Array.from({ length: 30 }, (_, index) => entry(`users activities item-${String(index).padStart(2, '0')} get`)),
  entry('groups get'),
  entry('groups list'),
  entry('groups delete'),
  entry('invitations post', 'Invite a guest user.'),
];

const commandsSection = (help: string): string[] => {
  const lines = help.split('\n');
  const start = lines.indexOf('Commands:') + 1;
  return lines.slice(start, lines.indexOf('', start)).map((line) => line.trim().replace(/ {2,}/g, ' | '));
};

describe('help over many commands', () => {
  it('lists the top-level groups with their command counts, a lone command as itself', () => {
    const help = rootHelp('mgkit', '1.0.0', MANY, { color: false });
    expect(commandsSection(help).slice(0, 3)).toEqual(['groups | 3 commands', 'invitations post | Invite a guest user.', 'users | 60 commands']);
    expect(help).toContain("Run 'mgkit <group>' to list a group's commands");
    expect(help).not.toContain('people-00');
  });

  it('a large group lists its subgroups; a small one lists its commands', () => {
    const users = rootHelp('mgkit', '1.0.0', MANY, { color: false }, ['users']);
    expect(commandsSection(users)).toEqual([
      'users activities | 30 commands',
      ...Array.from({ length: 30 }, (_, index) => `users people-${String(index).padStart(2, '0')} get | Summary of users people-${String(index).padStart(2, '0')} get.`),
    ]);
    expect(users).toContain("Run 'mgkit users <group>' to list a group's commands");
    const activities = rootHelp('mgkit', '1.0.0', MANY, { color: false }, ['users', 'activities']);
    expect(commandsSection(activities)).toHaveLength(30);
    expect(commandsSection(activities)[0]).toBe('users activities item-00 get | Summary of users activities item-00 get.');
  });

  it('few commands are listed one by one, with their cmdlet aliases', () => {
    const few = [{ ...entry('applications synchronization acquire-access-token post'), cmdlet: 'Get-MgApplicationSynchronizationAccessToken' }];
    expect(commandsSection(rootHelp('mgkit', '1.0.0', few, { color: false })).slice(0, 2)).toEqual([
      'applications synchronization acquire-access-token post | Summary of applications synchronization acquire-access-token post.',
      'alias: Get-MgApplicationSynchronizationAccessToken',
    ]);
  });
});
