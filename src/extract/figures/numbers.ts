/**
 * Vietnamese numbers: "." groups thousands and "," is the decimal mark ("11.093" = 11093,
 * "98,9" = 98.9, "764.829" = 764829); leading zeros are common ("05", "01"). Tables copied from
 * spreadsheets write percentages with a decimal point ("99.4%", "87.25%"): a "." followed by one
 * or two digits groups no thousands, so there it is the decimal mark.
 */

// "11.093", "1.234.567", "98,9", "05", "0,5", "99.4" before "%"; not "5.1" (a section) nor a phone
// number "0296.3852.345".
export const NUMBER_SOURCE = '(?<![\\p{L}\\d.,/\\-])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d{1,3}\\.\\d{1,2}(?=[ ]?%)|\\d+(?:,\\d+)?)(?![\\d\\p{L}]|[.,]\\d)';

export function parseVnNumber(written: string): number {
  if (/^\d+\.\d{1,2}$/.test(written)) return Number(written);
  return Number(written.replace(/\./g, '').replace(',', '.'));
}
