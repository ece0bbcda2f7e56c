// Why a pull gave no value, as a code the form and the admin notice put into plain words. The
// detail is for the log and the CLI: it never holds a secret (see redactSecrets).

import type { SourceFailureCode } from '../../domain/sources/failure-codes.js';

export type { SourceFailureCode };

/** Worth another try: the system may answer next time. The rest are the definition's fault. */
export const TRANSIENT_FAILURES: ReadonlySet<SourceFailureCode> = new Set(['timeout', 'unreachable', 'server_error']);

export class SourceError extends Error {
  constructor(
    readonly code: SourceFailureCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'SourceError';
  }
}

/** Replaces every secret value in a text (a driver's message may quote a URL or a header). */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('[secret]');
  return out;
}
