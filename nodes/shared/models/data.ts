import { ConfigError, describeValue } from '../input';

/** One customer as the count models see it: repeat purchases x, recency t_x and age T (same unit). */
export interface RfmSummary {
	x: number;
	tx: number;
	T: number;
}

/** Many customers as columns (typed arrays or plain arrays of equal length). */
export interface RfmColumns {
	x: ArrayLike<number>;
	tx: ArrayLike<number>;
	T: ArrayLike<number>;
}

/**
 * Customers with identical (x, t_x, T) collapsed into one row with a weight, as columns, plus the
 * lookup tables the likelihoods share between rows: distinct x values (terms in x alone), distinct
 * times among t_x and T (logarithms of α + t, β + t), and distinct (x, time) pairs (the Pareto/NBD
 * hypergeometric terms, which depend on x and one time only).
 */
export interface CompressedData {
	customers: number;
	rows: number;
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	/** Row -> index into distinctX. */
	xGroup: Int32Array;
	distinctX: Float64Array;
	/** Distinct values among all t_x and T. */
	times: Float64Array;
	/** Row -> index into times, for t_x and for T. */
	txTime: Int32Array;
	TTime: Int32Array;
	/** Distinct (x group, time) pairs, and row -> pair for (x, t_x) and (x, T). */
	pairX: Int32Array;
	pairTime: Int32Array;
	txPair: Int32Array;
	TPair: Int32Array;
}

/** What summaryProblem checks, as an error's "expected". */
const POSSIBLE_HISTORY = 'expected x whole and at least 0, 0 <= t_x <= T, and t_x above 0 exactly when x is';

/** Checks one summary; the message names what is wrong (used per item by the node). */
export function summaryProblem(s: RfmSummary): string | undefined {
	if (!Number.isInteger(s.x) || s.x < 0) return `x (repeat purchases) is ${describeValue(s.x)}, not a whole number of at least 0`;
	if (!Number.isFinite(s.T) || s.T < 0) return `T (customer age) is ${describeValue(s.T)}, not a number of at least 0`;
	if (!Number.isFinite(s.tx) || s.tx < 0) return `t_x (recency) is ${describeValue(s.tx)}, not a number of at least 0`;
	if (s.tx > s.T) return `t_x (${describeValue(s.tx)}) is greater than T (${describeValue(s.T)}): the last purchase cannot come after the end of observation`;
	if (s.x > 0 && s.tx === 0) return `x is ${describeValue(s.x)} but t_x is 0: repeat purchases need a last purchase after the first`;
	if (s.x === 0 && s.tx !== 0) return `x is 0 but t_x is ${describeValue(s.tx)}: with no repeat purchase recency is 0`;
	return undefined;
}

export function toColumns(customers: ArrayLike<RfmSummary>): RfmColumns {
	const n = customers.length;
	const x = new Float64Array(n);
	const tx = new Float64Array(n);
	const T = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const c = customers[i];
		x[i] = c.x;
		tx[i] = c.tx;
		T[i] = c.T;
	}
	return { x, tx, T };
}

/** Interns values: the same number always gets the same small id. */
class Interner {
	private readonly ids = new Map<number, number>();
	readonly values: number[] = [];
	id(value: number): number {
		let id = this.ids.get(value);
		if (id === undefined) {
			id = this.values.length;
			this.ids.set(value, id);
			this.values.push(value);
		}
		return id;
	}
}

/**
 * Compresses customers given as objects or as columns; throws a ConfigError naming a bad customer.
 * `counts` (optional) says how many customers each entry stands for, as a GROUP BY's count column does.
 * Rows come out sorted by (x, t_x, T), so the likelihood sums them in one order whatever the order or
 * grouping of the input: a fit on grouped rows equals the fit on the customers one by one, bit for bit.
 */
export function compress(customers: ArrayLike<RfmSummary> | RfmColumns, counts?: ArrayLike<number>): CompressedData {
	const cols: RfmColumns = 'x' in customers && typeof customers.x !== 'number' ? (customers as RfmColumns) : toColumns(customers as ArrayLike<RfmSummary>);
	const n = cols.x.length;
	if (cols.tx.length !== n || cols.T.length !== n || (counts && counts.length !== n)) {
		throw new ConfigError(
			`The x, t_x, T and count columns hold ${[cols.x, cols.tx, cols.T, counts ?? cols.x].map((c) => c.length).join(', ')} values (expected one value per customer in each, as many in all)`,
		);
	}
	const xs = new Interner();
	const times = new Interner();
	// Exact numeric keys: (x id, time id) -> pair id, then (pair id, T id) -> row. Ids stay below 2^26
	// (67 million distinct values), so pairId * 2^26 + timeId stays below 2^53.
	const SHIFT = 67_108_864;
	const pairOf = new Map<number, number>();
	const pairX: number[] = [];
	const pairTime: number[] = [];
	const pair = (xId: number, timeId: number) => {
		const key = xId * SHIFT + timeId;
		let id = pairOf.get(key);
		if (id === undefined) {
			id = pairX.length;
			pairOf.set(key, id);
			pairX.push(xId);
			pairTime.push(timeId);
		}
		return id;
	};
	const rowOf = new Map<number, number>();
	const rowX: number[] = [];
	const rowTx: number[] = [];
	const rowT: number[] = [];
	const rowTxPair: number[] = [];
	const weights: number[] = [];
	const one: RfmSummary = { x: 0, tx: 0, T: 0 };
	let customerCount = 0;
	for (let i = 0; i < n; i++) {
		const count = counts ? counts[i] : 1;
		if (!(Number.isInteger(count) && count >= 0)) throw new ConfigError(`Row ${i}: the count is ${describeValue(count)}, which is not a whole number of at least 0 (expected the number of customers the row stands for)`);
		customerCount += count;
		const x = cols.x[i];
		const tx = cols.tx[i];
		const T = cols.T[i];
		if (!(Number.isInteger(x) && x >= 0 && tx >= 0 && T >= 0 && tx <= T && (x > 0) === (tx > 0) && T < Infinity)) {
			one.x = x;
			one.tx = tx;
			one.T = T;
			throw new ConfigError(`Customer ${i} is no possible purchase history: ${summaryProblem(one) ?? 'impossible summary'} (${POSSIBLE_HISTORY})`);
		}
		const xId = xs.id(x);
		const txId = times.id(tx);
		const TId = times.id(T);
		const txPair = pair(xId, txId);
		const key = txPair * SHIFT + TId;
		const row = rowOf.get(key);
		if (row === undefined) {
			rowOf.set(key, rowX.length);
			rowX.push(xId);
			rowTx.push(txId);
			rowT.push(TId);
			rowTxPair.push(txPair);
			weights.push(count);
		} else weights[row] += count;
	}
	const X = xs.values;
	const t = times.values;
	const order = Array.from({ length: rowX.length }, (_, r) => r)
		.filter((r) => weights[r] > 0)
		.sort((p, q) => X[rowX[p]] - X[rowX[q]] || t[rowTx[p]] - t[rowTx[q]] || t[rowT[p]] - t[rowT[q]]);
	const rows = order.length;
	const data: CompressedData = {
		customers: customerCount,
		rows,
		x: new Float64Array(rows),
		tx: new Float64Array(rows),
		T: new Float64Array(rows),
		weight: new Float64Array(rows),
		xGroup: new Int32Array(rows),
		distinctX: Float64Array.from(xs.values),
		times: Float64Array.from(times.values),
		txTime: new Int32Array(rows),
		TTime: new Int32Array(rows),
		pairX: new Int32Array(0),
		pairTime: new Int32Array(0),
		txPair: new Int32Array(rows),
		TPair: new Int32Array(rows),
	};
	for (let r = 0; r < rows; r++) {
		const from = order[r];
		data.x[r] = X[rowX[from]];
		data.tx[r] = t[rowTx[from]];
		data.T[r] = t[rowT[from]];
		data.weight[r] = weights[from];
		data.xGroup[r] = rowX[from];
		data.txTime[r] = rowTx[from];
		data.TTime[r] = rowT[from];
		data.txPair[r] = rowTxPair[from];
		data.TPair[r] = pair(rowX[from], rowT[from]);
	}
	data.pairX = Int32Array.from(pairX);
	data.pairTime = Int32Array.from(pairTime);
	return data;
}

/** What a fit reports besides the parameters. */
export interface FitInfo {
	logLikelihood: number;
	customers: number;
	distinctRows: number;
	iterations: number;
	converged: boolean;
}

export type FitResult<P> = { params: P } & FitInfo;

/** Per-customer scores of a count model, as columns. */
export interface CountScores {
	probabilityAlive: Float64Array;
	expectedPurchases: Float64Array;
}

/** Starting ln alpha for the count models: with r = 1, the batch's mean purchase rate. */
export function rateStart(data: CompressedData): number {
	let purchases = 0;
	let time = 0;
	for (let i = 0; i < data.rows; i++) {
		purchases += data.weight[i] * data.x[i];
		time += data.weight[i] * data.T[i];
	}
	return Math.log(time / Math.max(purchases, 1));
}

/** log(e^p + e^q) without overflow. */
export function logAddExp(p: number, q: number): number {
	if (p === -Infinity) return q;
	if (q === -Infinity) return p;
	return p > q ? p + Math.log1p(Math.exp(q - p)) : q + Math.log1p(Math.exp(p - q));
}

/**
 * A batch the count models cannot be fitted on. The models separate purchase rate from dropout by
 * contrasting customers who kept buying with ones who went quiet, so they need both kinds.
 */
export function checkIdentifiable(data: CompressedData, model: string): void {
	let repeaters = 0;
	for (let i = 0; i < data.rows; i++) if (data.x[i] > 0) repeaters += data.weight[i];
	const single = data.customers - repeaters;
	if (data.customers < 30 || repeaters < 10 || single < 1 || data.rows < 5) {
		throw new ConfigError(
			`${model} cannot be fitted on ${data.customers} customers (${repeaters} with repeat purchases, ${single} without, ` +
				`${data.rows} distinct histories), too few to tell purchase rate from dropout (expected at least 30 customers, at least 10 of them ` +
				'with repeat purchases, some without, and varied histories; supply parameters fitted on a larger batch, or use Rules only)',
		);
	}
}

/**
 * The range a count model's parameters (BG/NBD, Pareto/NBD) lie in: a fit beyond it has run off, and
 * supplied parameters beyond it are no fit's (the scoring series are not made for them).
 */
export const COUNT_PARAMETER_RANGE = { min: 1e-6, max: 1e6 } as const;

/**
 * A fit whose parameters ran off to 0 or infinity: the likelihood keeps improving along a direction the
 * data cannot pin down. `aspects` names what each parameter describes, so the message can say what the
 * batch fails to show (e.g. r and alpha growing together: every customer seems to buy at the same rate).
 */
export function checkFitted(
	model: string,
	params: Record<string, number>,
	converged: boolean,
	customers: number,
	aspects: Record<string, string>,
): void {
	const { min, max } = COUNT_PARAMETER_RANGE;
	const runaway = Object.keys(params).filter((k) => !Number.isFinite(params[k]) || params[k] < min || params[k] > max);
	if (runaway.length === 0 && converged) return;
	const shown = Object.entries(params)
		.map(([k, v]) => `${k} = ${Number.isFinite(v) ? +v.toPrecision(4) : v}`)
		.join(', ');
	const unclear = [...new Set(runaway.map((k) => aspects[k]))];
	const what =
		runaway.length > 0
			? `parameters ran off (${shown}): the batch does not show how ${unclear.join(' or how ')} vary between customers`
			: `the optimiser did not converge (last at ${shown})`;
	throw new ConfigError(
		`${model} could not be fitted on these ${customers} customers; ${what} (expected a larger, more varied batch: hundreds of customers, ` +
			'including both regular buyers and ones who stopped buying; or supply parameters)',
	);
}
