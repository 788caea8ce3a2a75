// A refusal or failure that the CLI prints as it is (no stack trace).
export class CompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompileError';
  }
}
