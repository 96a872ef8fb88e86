/** Redaction of what must never be printed: tokens, Authorization, secret values. */
import { runState } from './io.js';

export const MASK = '***';

const SENSITIVE_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-client-secret)$/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADERS.test(name);
}

/**
 * Headers the user gave with --header: any of them may carry a key (`X-Api-Key`), so the --debug
 * trace masks them all, except the standard ones that never carry a credential.
 */
const PLAIN_HEADERS = /^(accept|accept-language|content-type|consistencylevel|prefer|if-match|if-none-match|client-request-id|return-client-request-id)$/i;

export function maskUserHeader(name: string): void {
  if (!PLAIN_HEADERS.test(name)) runState().maskedHeaders.add(name.toLowerCase());
}

export function redactHeader(name: string, value: string): string {
  if (!SENSITIVE_HEADERS.test(name)) return value;
  const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/** A header for the --debug trace: credential headers and every header given with --header are masked. */
export function redactTraceHeader(name: string, value: string): string {
  return runState().maskedHeaders.has(name.toLowerCase()) ? MASK : redactHeader(name, value);
}

/**
 * A secret is scrubbed in every form a server or a URL may echo it in: raw, JSON-escaped (a
 * value with `"` or `\` quoted back in an error body) and percent-encoded.
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 4) return;
  const planted = runState().secrets;
  planted.add(value);
  planted.add(JSON.stringify(value).slice(1, -1));
  planted.add(encodeURIComponent(value));
  planted.add(encodeURIComponent(value).replace(/%20/g, '+'));
}

/** Replaces every registered secret (and anything shaped like a JWT) in free text. */
export function scrubText(text: string): string {
  let result = text;
  // longest first: a secret's escaped form contains the shorter raw pieces
  for (const secret of [...runState().secrets].sort((a, b) => b.length - a.length)) result = result.split(secret).join(MASK);
  return result.replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK);
}
