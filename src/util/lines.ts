import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The non-empty lines of a file, read as a stream: a JSON Lines output can outgrow any string. */
export async function* lines(path: string): AsyncGenerator<string> {
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    if (line) yield line;
  }
}
