/**
 * Input files must be UTF-8. Read as UTF-8 blindly, a Latin-1 file turns its accents into
 * U+FFFD and a UTF-16 file into NUL-riddled text that fails far from the cause ("missing
 * title"); this says what the encoding is instead, with the first offending position.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/index.js';

export type DecodedText = { readonly text: string; readonly diagnostic?: undefined } | { readonly text?: undefined; readonly diagnostic: Diagnostic };

/** Offset of the first byte that is not part of a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let index = 0; index < bytes.length; ) {
    const byte = bytes[index] as number;
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    if (length === 0) return index;
    for (let next = 1; next < length; next += 1) {
      const continuation = bytes[index + next];
      if (continuation === undefined || (continuation & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}

function position(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index += 1) {
    if (bytes[index] === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function looksUtf16(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  // no byte order mark: ASCII text in UTF-16 has a NUL in every other byte
  const sample = bytes.subarray(0, 512);
  let nuls = 0;
  for (const byte of sample) if (byte === 0) nuls += 1;
  return sample.length >= 8 && nuls * 3 >= sample.length;
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** The text, its byte order mark dropped, or undefined when a byte is not UTF-8 (decoded natively: the byte loop below only places the error). */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** The file's text, or one diagnostic (code `<codePrefix>/encoding`) naming its encoding problem. */
export function decodeUtf8(bytes: Uint8Array, file: string, codePrefix: string): DecodedText {
  const code = `${codePrefix}/encoding`;
  if (looksUtf16(bytes)) {
    return { diagnostic: { severity: 'error', code, file, message: 'the file is UTF-16, not UTF-8', hint: 'save it as UTF-8 (without a byte order mark)' } };
  }
  const text = strictUtf8(bytes);
  if (text !== undefined) return { text };
  const invalid = firstInvalidUtf8(bytes);
  if (invalid >= 0) {
    const byte = (bytes[invalid] as number).toString(16).toUpperCase().padStart(2, '0');
    return {
      diagnostic: {
        severity: 'error',
        code,
        file,
        ...position(bytes, invalid),
        message: `the file is not UTF-8: byte 0x${byte} here starts no valid UTF-8 character (Latin-1 or Windows-1252?)`,
        hint: 'save it as UTF-8 (e.g. iconv -f latin1 -t utf-8)',
      },
    };
  }
  // sequences the byte check lets through (surrogates, overlong forms) decode as U+FFFD, as before
  const lenient = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return { text: lenient.charCodeAt(0) === 0xfeff ? lenient.slice(1) : lenient };
}

/** A text's lines: LF, CRLF and a lone CR end a line. */
export function linesOf(text: string): string[] {
  return text.split(/\r\n?|\n/);
}

export type DecodedLines = { readonly lines: string[]; readonly diagnostic?: undefined } | { readonly lines?: undefined; readonly diagnostic: Diagnostic };

const NON_ASCII = /[\x80-\xff]/g;

/**
 * The file's lines (LF or CRLF line ends, byte order mark dropped), or the diagnostic `decodeUtf8`
 * gives. Each line is decoded alone: V8 keeps a string of Latin-1 characters at one byte each, and
 * a whole file holding one `’` at two. A module's help is up to 68 MB of ASCII with a thousand such
 * characters; held as one-byte lines it is half the memory, and its scans and parses run faster.
 */
export function decodeUtf8Lines(bytes: Uint8Array, file: string, codePrefix: string): DecodedLines {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (looksUtf16(buffer) || !isUtf8(buffer) || buffer.includes(0x0d)) {
    const decoded = decodeUtf8(bytes, file, codePrefix);
    return decoded.diagnostic ? decoded : { lines: linesOf(decoded.text) };
  }
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  // Latin-1 reads one character per byte, so offsets in `text` are byte offsets past `start`
  const text = buffer.toString('latin1', start);
  const lines = text.split('\n');
  if (isAscii(buffer)) return { lines };
  // each line holding a byte above 0x7F is decoded again, as UTF-8
  let index = 0;
  let offset = 0;
  for (const match of text.matchAll(NON_ASCII)) {
    if (match.index < offset) continue;
    for (; offset + (lines[index] as string).length < match.index; index += 1) offset += (lines[index] as string).length + 1;
    const end = offset + (lines[index] as string).length;
    lines[index] = buffer.toString('utf8', start + offset, start + end);
    offset = end + 1;
    index += 1;
  }
  return { lines };
}
