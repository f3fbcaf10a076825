import { loadOnFirstUse } from './lazy.js';
import { checkOle2 } from './ole.js';
import { ReadError, type ReadOptions, type Reader, type ReadResult } from './types.js';

const loadWordOle = loadOnFirstUse(async () => {
  const [{ default: WordOleExtractor }, { default: BufferReader }] = await Promise.all([
    import('word-extractor/lib/word-ole-extractor.js'), import('word-extractor/lib/buffer-reader.js'),
  ]);
  /**
   * word-extractor's reader of the binary format, told whether to drop the text that tracked changes
   * mark deleted (it overwrites those characters with NULs, then drops them) and counting what it drops:
   * a draft with "Ttheo trình tự" (a deleted "T", an inserted "t") reads "theo trình tự".
   */
  class TrackedDeletionsExtractor extends WordOleExtractor {
    deletedCharacters = 0;
    constructor(private readonly keepDeleted: boolean) {
      super();
    }

    override writeCharacterProperties(buffer: Buffer, table: Buffer): void {
      // The deletion mark is the only character property word-extractor applies.
      const before = this._pieces.map((p) => p.text);
      super.writeCharacterProperties(buffer, table);
      this.deletedCharacters = nulCount(this._pieces.map((p) => p.text)) - nulCount(before);
      if (this.keepDeleted) this._pieces.forEach((p, i) => { p.text = before[i]!; });
    }
  }
  return { default: { TrackedDeletionsExtractor, BufferReader } };
});

const nulCount = (texts: string[]): number => texts.reduce((n, t) => n + (t.match(/\0/g)?.length ?? 0), 0);

/**
 * DOC (Word 97–2003, the bulk of older archives) with word-extractor, a pure-JavaScript reader of
 * the binary format: the body, then text boxes, footnotes and endnotes after a blank line. Text typed in a
 * legacy font comes out as its Windows-1252 reading, for the legacy decoder. Text that tracked changes
 * mark deleted is not the document's (a deleted reference cites nothing): it is left out and the
 * record says how much (`tracked-deletions`), unless the caller asks to keep it.
 */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const docReader: Reader = {
  format: 'doc',
  sniff: (bytes) => OLE2.every((b, i) => bytes[i] === b),
  async read(bytes, _path, options: ReadOptions = {}): Promise<ReadResult> {
    checkOle2(bytes); // a looping sector chain would take word-extractor, and the process, down
    let body: string;
    let notes: string;
    let deleted = 0;
    const { TrackedDeletionsExtractor, BufferReader } = await loadWordOle();
    try {
      const extractor = new TrackedDeletionsExtractor(options.trackedDeletions === 'keep');
      const doc = await extractor.extract(new BufferReader(Buffer.from(bytes)));
      deleted = extractor.deletedCharacters;
      body = doc.getBody();
      // Text boxes (diagrams, framed captions) are words on the page too; word-extractor keeps them apart.
      notes = [doc.getTextboxes({ includeHeadersAndFooters: true, includeBody: true }), doc.getFootnotes(), doc.getEndnotes()]
        .filter((t) => t.trim()).join('\n\n');
    } catch (err) {
      throw new ReadError('corrupt-doc', `the file is an OLE2 container but no readable Word 97-2003 document: ${(err as Error).message}`);
    }
    // word-extractor turns byte 0xAD (a soft hyphen in Windows-1252, and the letter ư in TCVN3)
    // into the word "undefined" inside a word ("chundefined¬ng"); give the byte back so the legacy
    // decoder can read it. A real "undefined" stands between spaces and is left alone.
    const text = (notes ? `${body}\n\n${notes}` : body).replace(/(?<=\p{L})undefined|undefined(?=\p{L})/gu, '\u00AD');
    const message = options.trackedDeletions === 'keep'
      ? `${deleted} characters marked deleted by tracked changes were kept in the text, as asked`
      : `${deleted} characters marked deleted by tracked changes were not read (the text is the document with its changes accepted)`;
    const findings = deleted === 0 ? [] : [{ code: 'tracked-deletions', severity: 'info' as const, message, suggestion: null, span: null }];
    return { text, format: 'doc', encoding: null, pages: null, warnings: [], findings, trackedDeletions: deleted };
  },
};
