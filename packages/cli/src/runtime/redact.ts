/** Redaction of what must never be printed: tokens, Authorization, secret values. */

export const MASK = '***';

const SENSITIVE_HEADERS = /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-client-secret)$/i;

export function isSensitiveHeader(name: string): boolean {
  return SENSITIVE_HEADERS.test(name);
}

export function redactHeader(name: string, value: string): string {
  if (!SENSITIVE_HEADERS.test(name)) return value;
  const scheme = /^(Bearer|Basic)\s/i.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/** Values never to print, whatever path they take (tokens, secrets read from env or files). */
const planted = new Set<string>();

export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) planted.add(value);
}

/** Replaces every registered secret (and anything shaped like a JWT) in free text. */
export function scrubText(text: string): string {
  let result = text;
  for (const secret of planted) result = result.split(secret).join(MASK);
  return result.replace(/\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g, MASK);
}
