/** One API change between two descriptions. */
export type ChangeSubject = 'module' | 'operation' | 'parameter' | 'request-body' | 'response' | 'type' | 'property' | 'enum-member';
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface ApiChange {
  readonly subject: ChangeSubject;
  readonly kind: ChangeKind;
  /** `POST /applications/{application-id}/…`, `SynchronizationSecret.Oauth2AccessToken`, … */
  readonly target: string;
  /** What changed, in words: `type string → integer`, `now required`. */
  readonly detail: string;
  readonly breaking: boolean;
  /** Only descriptions/summaries changed. */
  readonly docsOnly?: boolean;
  /** The module (description file or generation unit) it is in, when several are compared. */
  readonly module?: string;
}

export interface ApiDiff {
  readonly changes: readonly ApiChange[];
  readonly breaking: number;
}
