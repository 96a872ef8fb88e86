import { extname } from 'node:path';
import { LineCounter, isScalar, parseDocument, visit } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import type { Diagnostic } from '../../diagnostics/index.js';
import { parseFast } from './fast-parse.js';
import { NodeLocator, type SourceLocator } from './node-locator.js';
import type { JsonValue } from './types.js';

export type SourceFormat = 'yaml' | 'json';

/** One input file: its raw tree and a way back from JSON pointers to lines. */
export interface ParsedFile {
  /** As addresses and diagnostics show it (relative when the entry was given relative). */
  readonly path: string;
  readonly format: SourceFormat;
  readonly value: JsonValue;
  readonly locator: SourceLocator;
}

export interface ParseResult {
  readonly parsed?: ParsedFile;
  readonly diagnostics: Diagnostic[];
}

export function detectFormat(file: string, text: string): SourceFormat {
  const extension = extname(file).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml';
}

/**
 * JSON is YAML 1.2, so one parser serves both; the format only changes the wording of errors.
 * The usual description takes the fast path (`fast-parse.ts`); the rest, and every error, `yaml`'s.
 */
export function parseSourceText(text: string, file: string): ParseResult {
  const format = detectFormat(file, text);
  const fast = format === 'json' && strictJsonProblem(text) ? undefined : parseFast(text, format === 'json');
  if (fast) return { parsed: { path: file, format, ...fast }, diagnostics: [] };
  const lineCounter = new LineCounter();
  // keys are checked for duplicates below, in linear time (the parser's own check is quadratic)
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const where = (offset: number): Where => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const warnings = document.warnings.map((warning) => yamlWarning(warning, where(warning.pos[0])));
  // JSON is YAML, but YAML forgives what JSON forbids (a trailing comma, single quotes)
  const problem = syntaxProblem(document, text) ?? (format === 'json' ? strictJsonProblem(text) : undefined);
  if (problem) return { diagnostics: [parseError(problem, format, where(problem.offset)), ...warnings] };
  try {
    const value = (document.toJS() as JsonValue | undefined) ?? null;
    return { parsed: { path: file, format, value, locator: new NodeLocator(document, lineCounter) }, diagnostics: warnings };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const offset = document.contents?.range[0] ?? 0;
    return { diagnostics: [parseError({ reason, offset, others: 0 }, format, where(offset)), ...warnings] };
  }
}

interface SyntaxProblem {
  readonly reason: string;
  readonly offset: number;
  /** Further parser errors, usually consequences of the first. */
  readonly others: number;
}

function syntaxProblem(document: Document.Parsed, text: string): SyntaxProblem | undefined {
  const [first, ...rest] = document.errors;
  if (first) return { reason: first.message, offset: first.pos[0], others: rest.length };
  const duplicate = firstDuplicateKey(document);
  if (duplicate) return { reason: `Map keys must be unique: '${duplicate.key}' appears twice in one mapping`, offset: duplicate.offset, others: 0 };
  const circular = mayHaveAnchors(text) ? findCircularAlias(document) : undefined;
  if (circular) {
    return { reason: `the alias *${circular.source} is inside the node it refers to, a loop JSON cannot represent`, offset: circular.offset, others: 0 };
  }
  return undefined;
}

/** What `JSON.parse` refuses in a file the YAML parser accepted, at V8's reported position. */
function strictJsonProblem(text: string): SyntaxProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/at position (\d+)/.exec(message)?.[1] ?? 0);
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '');
    const trailingComma = /^\s*[}\]]/.test(text.slice(offset)) && /,\s*$/.test(text.slice(0, offset));
    return { reason: trailingComma ? 'a trailing comma before the closing bracket' : reason, offset, others: 0 };
  }
}

/** The first key that repeats within one mapping (JSON and YAML both forbid it; a later value would win silently). */
function firstDuplicateKey(document: Document.Parsed): { key: string; offset: number } | undefined {
  let found: { key: string; offset: number } | undefined;
  visit(document, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const item of map.items) {
        const key = isScalar(item.key) ? item.key.value : item.key;
        if (seen.has(key)) {
          found = { key: String(key), offset: (isScalar(item.key) ? item.key.range?.[0] : undefined) ?? map.range?.[0] ?? 0 };
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

/** Cheap text test so the AST walk below is skipped for the usual anchor-free description. */
function mayHaveAnchors(text: string): boolean {
  return /(?:^|[\s[{,])&[^\s[\]{},]/m.test(text);
}

/** `a: &x { b: *x }` would become a circular object that every later tree walk loops on. */
function findCircularAlias(document: Document.Parsed): { source: string; offset: number } | undefined {
  let found: { source: string; offset: number } | undefined;
  visit(document, {
    Alias(_key, alias) {
      const target = alias.resolve(document);
      const [start = 0] = alias.range ?? [];
      const [targetStart, , targetEnd] = target?.range ?? [];
      if (targetStart !== undefined && targetEnd !== undefined && targetStart <= start && start < targetEnd) {
        found = { source: alias.source, offset: start };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

type Where = Pick<Diagnostic, 'file' | 'line' | 'column'>;

function parseError(problem: SyntaxProblem, format: SourceFormat, where: Where): Diagnostic {
  const language = format === 'json' ? 'JSON' : 'YAML';
  if (/call stack/i.test(problem.reason)) {
    // not a syntax error: the parser recursed once per level and ran out of stack
    return {
      severity: 'error',
      code: 'openapi/nesting-too-deep',
      message: `the ${language} nests too deeply to read (thousands of levels)`,
      hint: 'move inner schemas to components/schemas and refer to them with $ref',
      ...where,
    };
  }
  const more = problem.others > 0 ? ` (${problem.others} more error${problem.others === 1 ? '' : 's'} after this one)` : '';
  return {
    severity: 'error',
    code: 'openapi/parse-error',
    message: `Invalid ${language}: ${firstLine(problem.reason)}${more}`,
    hint:
      format === 'json'
        ? 'look for a missing comma, quote or bracket at or just before this position'
        : 'check indentation, an unquoted `:` or `#`, or an unclosed quote or bracket at or just before this position',
    ...where,
  };
}

function yamlWarning(warning: YAMLError, where: Where): Diagnostic {
  return { severity: 'warning', code: 'openapi/yaml-warning', message: firstLine(warning.message), ...where };
}

function firstLine(text: string): string {
  return text.split('\n', 1)[0] ?? text;
}
