// What every `svimpy` sub-command provides.
export interface Command {
  name: string;
  summary: string; // one line for `svimpy --help`
  help: string; // full text for `svimpy <name> --help`
  run(args: string[]): Promise<number>; // resolves to the exit code
}
