import { ConfigError } from '../input';

/** One customer as the count models see it: repeat purchases x, recency t_x and age T (same unit). */
export interface RfmSummary {
	x: number;
	tx: number;
	T: number;
}

/**
 * Customers with identical (x, t_x, T) collapsed into one row with a weight, as columns. `xGroup`
 * points each row at its entry in `distinctX`, so terms that depend only on x are computed once.
 */
export interface CompressedData {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	xGroup: Int32Array;
	distinctX: number[];
	customers: number;
	rows: number;
}

/** Checks one summary; the message names what is wrong (used per item by the node). */
export function summaryProblem(s: RfmSummary): string | undefined {
	if (!Number.isInteger(s.x) || s.x < 0) return `x (repeat purchases) is ${s.x}; it must be a whole number >= 0`;
	if (!Number.isFinite(s.T) || s.T <= 0) return `T (customer age) is ${s.T}; it must be > 0`;
	if (!Number.isFinite(s.tx) || s.tx < 0) return `t_x (recency) is ${s.tx}; it must be >= 0`;
	if (s.tx > s.T) return `t_x (${s.tx}) is greater than T (${s.T}); the last purchase cannot come after the end of observation`;
	if (s.x > 0 && s.tx === 0) return `x is ${s.x} but t_x is 0; repeat purchases need a last purchase after the first`;
	if (s.x === 0 && s.tx !== 0) return `x is 0 but t_x is ${s.tx}; with no repeat purchase recency is 0`;
	return undefined;
}

export function compress(customers: ArrayLike<RfmSummary>): CompressedData {
	// Nested maps keyed by numbers: much cheaper than building a string key per customer.
	const index = new Map<number, Map<number, Map<number, number>>>();
	const xs: number[] = [];
	const txs: number[] = [];
	const Ts: number[] = [];
	const weights: number[] = [];
	for (let i = 0; i < customers.length; i++) {
		const c = customers[i];
		const problem = summaryProblem(c);
		if (problem) throw new ConfigError(`Customer ${i}: ${problem}`);
		let byTx = index.get(c.x);
		if (!byTx) index.set(c.x, (byTx = new Map()));
		let byT = byTx.get(c.tx);
		if (!byT) byTx.set(c.tx, (byT = new Map()));
		const row = byT.get(c.T);
		if (row === undefined) {
			byT.set(c.T, xs.length);
			xs.push(c.x);
			txs.push(c.tx);
			Ts.push(c.T);
			weights.push(1);
		} else weights[row]++;
	}
	const distinctX = [...index.keys()].sort((p, q) => p - q);
	const groupOf = new Map(distinctX.map((x, i) => [x, i]));
	return {
		x: Float64Array.from(xs),
		tx: Float64Array.from(txs),
		T: Float64Array.from(Ts),
		weight: Float64Array.from(weights),
		xGroup: Int32Array.from(xs, (x) => groupOf.get(x)!),
		distinctX,
		customers: customers.length,
		rows: xs.length,
	};
}

/** What a fit reports besides the parameters. */
export interface FitInfo {
	logLikelihood: number;
	customers: number;
	distinctRows: number;
	iterations: number;
	converged: boolean;
}

/** log(e^p + e^q) without overflow. */
export function logAddExp(p: number, q: number): number {
	if (p === -Infinity) return q;
	if (q === -Infinity) return p;
	return p > q ? p + Math.log1p(Math.exp(q - p)) : q + Math.log1p(Math.exp(p - q));
}

/** A batch the model cannot be fitted on: says how many and what kind of customers are needed. */
export function checkIdentifiable(data: CompressedData, model: string): void {
	let repeaters = 0;
	for (let i = 0; i < data.rows; i++) if (data.x[i] > 0) repeaters += data.weight[i];
	if (data.customers < 30 || repeaters < 10 || repeaters === data.customers) {
		throw new ConfigError(
			`${model} cannot be fitted on ${data.customers} customers of whom ${repeaters} made repeat purchases: ` +
				'it needs at least 30 customers, at least 10 with repeat purchases and some without. ' +
				'Supply parameters fitted on a larger batch, or use Rules only.',
		);
	}
}
