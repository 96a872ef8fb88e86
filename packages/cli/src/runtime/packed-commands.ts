/**
 * Commands as a built binary of several modules stores them (scripts/bundle-runtime.mjs): per
 * module, its commands' data compressed in groups in `commands.pack`, each group starting with the
 * options its commands take, and the module's schemas in `schemas.pack` (packed-schemas.ts). Thousands of commands as
 * JavaScript modules were most of the package (28 of 43 MB for the 33 Graph v1.0 modules);
 * compressed in groups they are a tenth of it. A command reads and inflates one group; the
 * schemas only when it validates a body.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { inflateRaw } from './inflate.js';
import { type ClientModules, callsThroughBuilders } from './builder-calls.js';
import { commandDefinition, type SharedOption, type StoredCommand } from './command-definition.js';
import type { BuilderCall, CommandModule, JsonSchema } from './definition.js';
import { packedSchemas } from './packed-schemas.js';

/**
 * Where a command is in its module's `commands.pack`: its group's bytes, then, in the inflated
 * group, the length of the group's options (they come first) and the command's own text.
 */
export type PackedLocation = readonly [groupOffset: number, groupLength: number, optionsLength: number, textOffset: number, textLength: number];

const schemasByFolder = new Map<string, Readonly<Record<string, JsonSchema>>>();

function moduleSchemas(folder: URL): Readonly<Record<string, JsonSchema>> {
  let schemas = schemasByFolder.get(folder.href);
  if (!schemas) {
    schemas = packedSchemas(new URL('schemas.pack', folder));
    schemasByFolder.set(folder.href, schemas);
  }
  return schemas;
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
  const [groupOffset, groupLength, optionsLength, textOffset, textLength] = location;
  const group = inflateRaw(readGroup(new URL('commands.pack', folder), groupOffset, groupLength));
  const options = JSON.parse(group.subarray(0, optionsLength).toString('utf8')) as SharedOption[];
  const [stored, operations] = JSON.parse(group.subarray(textOffset, textOffset + textLength).toString('utf8')) as [StoredCommand, Record<string, BuilderCall>];
  // the client's modules load for a call with a body only: a call without one, and a command's
  // --help, need the command's data alone
  let clientModules: Promise<ClientModules> | undefined;
  const definition = commandDefinition(stored, options, () => moduleSchemas(folder));
  const calls = callsThroughBuilders(() => (clientModules ??= import(new URL('client-modules.js', folder).href) as Promise<ClientModules>), definition, operations);
  return {
    definition,
    send: calls.send,
    sendPage: calls.sendPage,
    toRequestInformation: calls.toRequestInformation,
  };
}
