// Upload failures: each names what went wrong and what to try, for the command line to print.

export type UploadErrorKind =
  | 'port-missing' | 'port-busy' | 'port-error' | 'no-sync' | 'wrong-signature'
  | 'too-large' | 'verify-mismatch' | 'timeout' | 'protocol' | 'bad-hex';

export class UploadError extends Error {
  constructor(readonly kind: UploadErrorKind, message: string, readonly hint: string) {
    super(message);
  }

  /** The text the command prints: the problem, then what to try. */
  describe(): string {
    return `${this.message}\n  try: ${this.hint}`;
  }
}
