/**
 * A JSON array written an item at a time, byte for byte what `JSON.stringify(items, null, 2)` gives
 * for the whole array ("[]" when empty), so a command streams its --format json output instead of
 * holding every item until the end.
 */
export class JsonArrayText {
  private count = 0;

  /** The text that goes before `item`'s, then the item, indented as inside the array. */
  item(value: unknown): string {
    const text = `${this.count === 0 ? '[\n' : ',\n'}  ${JSON.stringify(value, null, 2).replace(/\n/g, '\n  ')}`;
    this.count++;
    return text;
  }

  /** The array's end (after its last item, or the whole empty array), with the final newline. */
  end(): string {
    return this.count === 0 ? '[]\n' : '\n]\n';
  }
}
