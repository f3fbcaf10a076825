/**
 * RFC 4180 fields: a field with a comma, quote or line break is quoted, quotes doubled; null is an
 * empty field. A list is written as a JSON array (["Sở Nội vụ", "Sở Tư pháp; Sở Tài chính"]): its
 * items may hold ";" or ",", so no separator could be split on again; an object as JSON too.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
