/**
 * Statistics and the printed tables of the bench scripts. Every figure is printed beside a
 * reference measured in the same run on the same machine, with their ratio, because these
 * machines are shared and noisy: only medians and ratios are worth quoting.
 */
import { cpus } from 'node:os';

/** The q-quantile (0..1) of a sample, by the nearest-rank method. */
export function percentile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export interface FigureRow {
  figure: string;
  value: string;
  reference: string;
  /** value ÷ reference, printed as is. */
  ratio: string;
  target: string;
  /** null where the figure has no target of its own (a breakdown row). */
  met: boolean | null;
}

/** A figure's table: one row per figure, columns aligned. */
export function printFigures(title: string, rows: readonly FigureRow[]): void {
  printTable(
    title,
    ['figure', 'value', 'reference', 'ratio', 'target', 'met?'],
    rows.map((row) => [
      row.figure,
      row.value,
      row.reference,
      row.ratio,
      row.target,
      row.met === null ? '' : row.met ? 'MET' : 'NOT MET',
    ]),
  );
}

export function printTable(title: string, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ');
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('-|-'));
  for (const row of rows) console.log(line(row));
}

/** One line naming the machine, to paste above the tables in RESULTS.md. */
export function machineLine(redisVersion: string): string {
  return `${new Date().toISOString()} · ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}) · node ${process.version} · redis ${redisVersion}`;
}

/** Thousands separated, no decimals: 123,456. */
export function count(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Milliseconds with two decimals. */
export function ms(value: number): string {
  return `${value.toFixed(2)} ms`;
}

/** `a / b` with two decimals and an ×. */
export function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

/** Numbers from the command line: `--name value`, else the default. */
export function argNumber(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} needs a positive number`);
  return value;
}
