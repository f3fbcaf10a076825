/**
 * Where a command reads and writes: standard input, output (data) and error (messages). The process's
 * own in the CLI; the tests hand a command buffers instead, and run it in their own process.
 */
export interface Io {
  stdin: AsyncIterable<Uint8Array>;
  stdout: NodeJS.WritableStream;
  stderr: MessageStream;
}

/** Standard error as the commands use it: messages, and for the progress bar whether it is a terminal and how wide. */
export interface MessageStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}
