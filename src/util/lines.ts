import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** The non-empty lines of a file, read as a stream: a JSON Lines output can outgrow any string. */
export async function* lines(path: string): AsyncGenerator<string> {
  for await (const [, line] of numberedLines(path)) yield line;
}

/** The non-empty lines of a file with their 1-based line numbers in it (empty lines counted). */
export async function* numberedLines(path: string): AsyncGenerator<[number, string]> {
  let number = 0;
  for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
    number++;
    if (line) yield [number, line];
  }
}
