/**
 * Vietnamese numbers: "." groups thousands and "," is the decimal mark ("11.093" = 11093,
 * "98,9" = 98.9, "764.829" = 764829); leading zeros are common ("05", "01").
 */

// "11.093", "1.234.567", "98,9", "05", "0,5"; not "5.1" (a section) nor a phone number "0296.3852.345".
export const NUMBER_SOURCE = '(?<![\\p{L}\\d.,/\\-])(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)(?![\\d\\p{L}]|[.,]\\d)';

export function parseVnNumber(written: string): number {
  return Number(written.replace(/\./g, '').replace(',', '.'));
}
