import { ConfigError } from '../input';
import { hyp2f1, lnGamma, minimizeBfgs } from '../stats';
import { checkIdentifiable, compress, logAddExp, type CompressedData, type FitInfo, type RfmSummary } from './data';

/** Pareto/NBD parameters: purchase rate ~ Gamma(r, alpha), dropout rate ~ Gamma(s, beta). */
export interface ParetoNbdParams {
	r: number;
	alpha: number;
	s: number;
	beta: number;
}

/**
 * One of the two terms of A0 in the Pareto/NBD likelihood (Fader & Hardie's note on the Pareto/NBD):
 * ln[2F1(...; z(t)) / (max(alpha, beta) + t)^(r+s+x)] at t = t_x ("upper") or t = T ("lower"), with
 * the 2F1 argument taken on the side that keeps it in [0, 1): (alpha − beta)/(alpha + t) when
 * alpha >= beta, else (beta − alpha)/(beta + t).
 */
function lnA0Term(p: ParetoNbdParams, x: number, t: number): number {
	const { r, alpha, s, beta } = p;
	const rsx = r + s + x;
	return alpha >= beta
		? Math.log(hyp2f1(rsx, s + 1, rsx + 1, (alpha - beta) / (alpha + t))) - rsx * Math.log(alpha + t)
		: Math.log(hyp2f1(rsx, r + x, rsx + 1, (beta - alpha) / (beta + t))) - rsx * Math.log(beta + t);
}

/** ln A0 = ln(e^upper − e^lower); upper > lower because t_x < T. */
function lnA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
	const upper = lnA0Term(p, x, tx);
	return upper + Math.log(-Math.expm1(lnA0Term(p, x, T) - upper));
}

/** Rows grouped by distinct (x, T) and (x, t_x): the expensive 2F1 terms depend on only one of each. */
interface PairIndex {
	byXT: Array<[number, number]>;
	rowXT: Int32Array;
	byXTx: Array<[number, number]>;
	rowXTx: Int32Array;
}

const pairIndexCache = new WeakMap<CompressedData, PairIndex>();

function pairIndex(data: CompressedData): PairIndex {
	let index = pairIndexCache.get(data);
	if (index) return index;
	const group = (second: Float64Array) => {
		const keys = new Map<number, Map<number, number>>();
		const pairs: Array<[number, number]> = [];
		const rows = new Int32Array(data.rows);
		for (let i = 0; i < data.rows; i++) {
			let inner = keys.get(data.x[i]);
			if (!inner) keys.set(data.x[i], (inner = new Map()));
			let k = inner.get(second[i]);
			if (k === undefined) {
				inner.set(second[i], (k = pairs.length));
				pairs.push([data.x[i], second[i]]);
			}
			rows[i] = k;
		}
		return { pairs, rows };
	};
	const xT = group(data.T);
	const xTx = group(data.tx);
	index = { byXT: xT.pairs, rowXT: xT.rows, byXTx: xTx.pairs, rowXTx: xTx.rows };
	pairIndexCache.set(data, index);
	return index;
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: CompressedData): number {
	const { r, alpha, s, beta } = p;
	const common = r * Math.log(alpha) + s * Math.log(beta) - lnGamma(r);
	const perX = data.distinctX.map((x) => lnGamma(r + x) + common);
	const index = pairIndex(data);
	const alive = index.byXT.map(([x, T]) => -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T));
	const lower = index.byXT.map(([x, T]) => lnA0Term(p, x, T));
	const upper = index.byXTx.map(([x, tx]) => lnA0Term(p, x, tx));
	let total = 0;
	for (let i = 0; i < data.rows; i++) {
		const x = data.x[i];
		const xt = index.rowXT[i];
		let died = -Infinity;
		if (data.T[i] > data.tx[i]) {
			const up = upper[index.rowXTx[i]];
			died = Math.log(s / (r + s + x)) + up + Math.log(-Math.expm1(lower[xt] - up));
		}
		total += data.weight[i] * (perX[data.xGroup[i]] + logAddExp(alive[xt], died));
	}
	return total;
}

const toParams = (theta: number[]): ParetoNbdParams => ({ r: Math.exp(theta[0]), alpha: Math.exp(theta[1]), s: Math.exp(theta[2]), beta: Math.exp(theta[3]) });

export function fitParetoNbd(customers: ArrayLike<RfmSummary>): { params: ParetoNbdParams } & FitInfo {
	const data = compress(customers);
	checkIdentifiable(data, 'Pareto/NBD');
	const scale = data.customers;
	let meanT = 0;
	for (let i = 0; i < data.rows; i++) meanT += (data.T[i] * data.weight[i]) / scale;
	const start = [0, Math.log(meanT / 4), 0, Math.log(meanT / 4)];
	const result = minimizeBfgs((theta) => -paretoNbdLogLikelihood(toParams(theta), data) / scale, start);
	const params = toParams(result.x);
	if (!result.converged || Object.values(params).some((v) => !Number.isFinite(v) || v <= 0 || v > 1e6)) {
		throw new ConfigError(
			`Pareto/NBD did not converge on these ${data.customers} customers (parameters ${JSON.stringify(params)}); ` +
				'the batch may be too uniform to identify the model',
		);
	}
	return {
		params,
		logLikelihood: paretoNbdLogLikelihood(params, data),
		customers: data.customers,
		distinctRows: data.rows,
		iterations: result.iterations,
		converged: result.converged,
	};
}

export function paretoNbdProbabilityAlive(p: ParetoNbdParams, c: RfmSummary): number {
	const { r, alpha, s, beta } = p;
	const { x, tx, T } = c;
	if (T === tx) return 1;
	const lnRatio = Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + lnA0(p, x, tx, T);
	return 1 / (1 + Math.exp(lnRatio));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t periods. */
export function paretoNbdConditionalExpected(p: ParetoNbdParams, c: RfmSummary, t: number): number {
	const { r, alpha, s, beta } = p;
	const { x, T } = c;
	const rate = ((r + x) * (beta + T)) / ((alpha + T) * (s - 1));
	const horizon = 1 - Math.pow((beta + T) / (beta + T + t), s - 1);
	return rate * horizon * paretoNbdProbabilityAlive(p, c);
}
