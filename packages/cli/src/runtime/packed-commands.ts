/**
 * Commands as a built binary of several modules stores them (scripts/bundle-runtime.mjs): per
 * module, its commands' data compressed in groups in `commands.pack`, and its option and schema
 * tables in `tables.pack`. Thousands of commands as JavaScript modules were most of the package
 * (28 of 43 MB for the 33 Graph v1.0 modules); compressed in groups they are a tenth of it, and
 * running a command reads one group of its module and inflates it, instead of loading a module.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { type BuilderCall, type BuilderCalls, type ClientModules, callsThroughBuilders } from './builder-calls.js';
import { commandDefinition, type SharedOption, type StoredCommand } from './command-definition.js';
import type { CommandModule, JsonSchema } from './definition.js';

/** Where a command is in its module's `commands.pack`: its group's bytes, then its text within the inflated group. */
export type PackedLocation = readonly [groupOffset: number, groupLength: number, textOffset: number, textLength: number];

interface ModuleTables {
  readonly options: readonly SharedOption[];
  readonly schemas: Readonly<Record<string, JsonSchema>>;
}

const tablesByFolder = new Map<string, ModuleTables>();

function moduleTables(folder: URL): ModuleTables {
  let tables = tablesByFolder.get(folder.href);
  if (!tables) {
    const [options, schemas] = JSON.parse(inflateRawSync(readFileSync(new URL('tables.pack', folder))).toString('utf8')) as [SharedOption[], Record<string, JsonSchema>];
    tables = { options, schemas };
    tablesByFolder.set(folder.href, tables);
  }
  return tables;
}

function readGroup(file: URL, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, bytes, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** The command stored at `location` in the module folder `folder` (a URL ending in '/'). */
export async function loadPackedCommand(folder: URL, location: PackedLocation): Promise<CommandModule> {
  const [groupOffset, groupLength, textOffset, textLength] = location;
  const group = inflateRawSync(readGroup(new URL('commands.pack', folder), groupOffset, groupLength));
  const [stored, operations] = JSON.parse(group.subarray(textOffset, textOffset + textLength).toString('utf8')) as [StoredCommand, Record<string, BuilderCall>];
  const tables = moduleTables(folder);
  // the builders load on the first call only: a command's --help needs its definition alone
  let calls: Promise<BuilderCalls> | undefined;
  const through = () => (calls ??= import(new URL('client-modules.js', folder).href).then((clientModules: ClientModules) => callsThroughBuilders(clientModules, operations)));
  return {
    definition: commandDefinition(stored, tables.options, tables.schemas),
    send: async (connection, call) => (await through()).send(connection, call),
    sendPage: async (connection, call, nextLink) => (await through()).sendPage(connection, call, nextLink),
    toRequestInformation: async (connection, call) => (await through()).toRequestInformation(connection, call),
  };
}
