import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Items held on disk instead of in memory until they are read back, in the order they came: what a
 * command can only print at the end of a run (`check --across` prints its warnings across documents
 * after every document's own findings: 24,000 of them over 10,000 synthetic reports). One JSON line
 * an item, in a temporary folder made at the first item and removed by `close()`.
 */
export class Spool<T> {
  private folder: string | null = null;
  private fd = -1;
  private buffered: string[] = [];
  private bufferedChars = 0;
  private count = 0;

  /** `parent`: where the temporary folder goes. */
  constructor(private readonly parent = tmpdir()) {}

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    const line = JSON.stringify(item) + '\n';
    this.buffered.push(line);
    this.bufferedChars += line.length;
    this.count++;
    if (this.bufferedChars >= 1 << 16) this.flush();
  }

  /** The items in the order they were pushed, each a fresh copy (parsed from its line). */
  async *items(): AsyncGenerator<T> {
    if (this.folder === null) {
      yield* this.buffered.map((line) => JSON.parse(line) as T);
      return;
    }
    this.flush();
    const lines = createInterface({ input: createReadStream(this.file()), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as T;
  }

  /** Removes the file; the spool holds nothing after. */
  close(): void {
    if (this.fd !== -1) closeSync(this.fd);
    if (this.folder !== null) rmSync(this.folder, { recursive: true, force: true });
    this.fd = -1;
    this.folder = null;
    this.buffered = [];
    this.bufferedChars = 0;
    this.count = 0;
  }

  private file(): string {
    return join(this.folder!, 'items.jsonl');
  }

  private flush(): void {
    if (this.folder === null) {
      this.folder = mkdtempSync(join(this.parent, 'vnreform-spool-'));
      this.fd = openSync(this.file(), 'w');
    }
    writeSync(this.fd, this.buffered.join(''));
    this.buffered = [];
    this.bufferedChars = 0;
  }
}
