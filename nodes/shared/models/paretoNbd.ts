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
 * ln A0 of the Pareto/NBD likelihood (Fader & Hardie's note on the Pareto/NBD), with the 2F1 argument
 * taken on the side that keeps it in [0, 1): (alpha − beta)/(alpha + t) when alpha >= beta, else
 * (beta − alpha)/(beta + t). A0 is a difference of two positive terms; it is computed in log space.
 */
function lnA0(p: ParetoNbdParams, x: number, tx: number, T: number): number {
	const { r, alpha, s, beta } = p;
	const rsx = r + s + x;
	let upper: number;
	let lower: number;
	if (alpha >= beta) {
		const d = alpha - beta;
		upper = Math.log(hyp2f1(rsx, s + 1, rsx + 1, d / (alpha + tx))) - rsx * Math.log(alpha + tx);
		lower = Math.log(hyp2f1(rsx, s + 1, rsx + 1, d / (alpha + T))) - rsx * Math.log(alpha + T);
	} else {
		const d = beta - alpha;
		upper = Math.log(hyp2f1(rsx, r + x, rsx + 1, d / (beta + tx))) - rsx * Math.log(beta + tx);
		lower = Math.log(hyp2f1(rsx, r + x, rsx + 1, d / (beta + T))) - rsx * Math.log(beta + T);
	}
	// ln(e^upper − e^lower); upper > lower because t_x <= T.
	return upper + Math.log(-Math.expm1(lower - upper));
}

export function paretoNbdLogLikelihood(p: ParetoNbdParams, data: CompressedData): number {
	const { r, alpha, s, beta } = p;
	const common = r * Math.log(alpha) + s * Math.log(beta) - lnGamma(r);
	const perX = data.distinctX.map((x) => lnGamma(r + x) + common);
	let total = 0;
	for (let i = 0; i < data.rows; i++) {
		const x = data.x[i];
		const T = data.T[i];
		const tx = data.tx[i];
		const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
		const died = T > tx ? Math.log(s / (r + s + x)) + lnA0(p, x, tx, T) : -Infinity;
		total += data.weight[i] * (perX[data.xGroup[i]] + logAddExp(alive, died));
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
