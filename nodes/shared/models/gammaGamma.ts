import { ConfigError } from '../input';
import { lnGamma, minimizeBfgs } from '../stats';
import type { FitInfo } from './data';

/** Gamma-Gamma spend parameters (Fader, Hardie & Lee, "RFM and CLV", 2005). */
export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

/** A customer's repeat purchases x (> 0) and their mean value m_x. */
export interface SpendSummary {
	x: number;
	meanSpend: number;
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: ArrayLike<SpendSummary>): number {
	const { p, q, gamma } = params;
	const lnGammaQ = lnGamma(q);
	const qLnGamma = q * Math.log(gamma);
	let total = 0;
	for (let i = 0; i < customers.length; i++) {
		const { x, meanSpend: m } = customers[i];
		const px = p * x;
		total +=
			lnGamma(px + q) - lnGamma(px) - lnGammaQ + qLnGamma + (px - 1) * Math.log(m) + px * Math.log(x) - (px + q) * Math.log(gamma + m * x);
	}
	return total;
}

const toParams = (theta: number[]): GammaGammaParams => ({ p: Math.exp(theta[0]), q: Math.exp(theta[1]), gamma: Math.exp(theta[2]) });

/** Fits on customers with repeat purchases and a positive mean repeat spend; others are skipped by the caller. */
export function fitGammaGamma(customers: SpendSummary[]): { params: GammaGammaParams } & FitInfo {
	const usable = customers.filter((c) => c.x > 0 && c.meanSpend > 0);
	if (usable.length < 10) {
		throw new ConfigError(
			`The spend model needs at least 10 customers with repeat purchases and positive spend; this batch has ${usable.length}`,
		);
	}
	const result = minimizeBfgs((theta) => -gammaGammaLogLikelihood(toParams(theta), usable) / usable.length, [0, 0, 0]);
	const params = toParams(result.x);
	if (!result.converged || params.q <= 1 || Object.values(params).some((v) => !Number.isFinite(v) || v > 1e8)) {
		throw new ConfigError(
			`The spend model did not converge on ${usable.length} customers (parameters ${JSON.stringify(params)}); q must exceed 1 for a finite mean`,
		);
	}
	return {
		params,
		logLikelihood: gammaGammaLogLikelihood(params, usable),
		customers: usable.length,
		distinctRows: usable.length,
		iterations: result.iterations,
		converged: result.converged,
	};
}

/** E[M | x, m_x]: expected average transaction value, shrunk from m_x towards the population mean. */
export function gammaGammaExpectedSpend(params: GammaGammaParams, c: SpendSummary): number {
	const { p, q, gamma } = params;
	const populationMean = (p * gamma) / (q - 1);
	if (c.x === 0) return populationMean;
	const weight = (p * c.x) / (p * c.x + q - 1);
	return (1 - weight) * populationMean + weight * c.meanSpend;
}
