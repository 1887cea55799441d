import { readFileSync } from 'fs';
import { resolve } from 'path';

const DATA = resolve(__dirname, '..', '..', '..', 'shared', 'data');

/** Rows of a CSV with a header, as records of numbers. */
function readCsv(path: string): Array<Record<string, number>> {
	const [header, ...rows] = readFileSync(resolve(DATA, path), 'utf8').trim().split('\n');
	const names = header.trim().split(',').map((n) => n.trim());
	return rows.map((row) => Object.fromEntries(row.split(',').map((v, i) => [names[i], Number(v)])));
}

export const cdnowSummary = () => readCsv('cdnow/cdnow_customers_summary.csv').map((r) => ({ x: r.frequency, tx: r.recency, T: r.T }));
export const cdnowWithSpend = () =>
	readCsv('cdnow/cdnow_customers_summary_with_transactions.csv').map((r) => ({ x: r.x, tx: r.t_x, T: r.T, zbar: r.zbar }));
export const sbgSurvival = () => readCsv('sbg_regular_survival.csv');
