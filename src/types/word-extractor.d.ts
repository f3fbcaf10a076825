// The part of word-extractor's API vnreform uses (the package ships no types).
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(options?: { filterUnicode?: boolean }): string;
    getFootnotes(options?: { filterUnicode?: boolean }): string;
    getEndnotes(options?: { filterUnicode?: boolean }): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean; filterUnicode?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<ExtractedDocument>;
  }
}

// The reader of the binary (OLE2) format itself, used directly to see the tracked deletions it drops.
declare module 'word-extractor/lib/word-ole-extractor.js' {
  import type { ExtractedDocument } from 'word-extractor';
  import type BufferReader from 'word-extractor/lib/buffer-reader.js';
  export default class WordOleExtractor {
    protected _pieces: { text: string }[];
    extract(reader: BufferReader): Promise<ExtractedDocument>;
    writeCharacterProperties(buffer: Buffer, tableBuffer: Buffer): void;
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
  }
}
