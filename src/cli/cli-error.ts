// An operator mistake the CLI reports as one line (exit 1), never with a stack trace.
export class CliError extends Error {}
