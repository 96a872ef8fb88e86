/** One tab of an example: the same call as HTTP, TypeScript, CLI or PowerShell. */
export interface Snippet {
  /** Tab title. */
  readonly title: string;
  /** Fence language. */
  readonly language: string;
  readonly code: string;
}
