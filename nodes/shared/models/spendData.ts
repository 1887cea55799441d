import { digamma, lnGamma } from '../stats';

/** A customer's repeat purchases x (> 0) and their mean value m_x; `count` customers alike (default 1). */
export interface SpendSummary {
	x: number;
	meanSpend: number;
	/** How many customers this row stands for, as a GROUP BY's count column gives it. */
	count?: number;
}

/**
 * Spend summaries prepared for the Gamma-Gamma likelihood's many evaluations. Its gamma-function terms
 * depend on x alone, so they are computed once per distinct x (a few dozen) rather than per customer;
 * what depends on m_x is summed once here; per customer and evaluation one logarithm and one division
 * remain.
 */
export class SpendData {
	readonly customers: number;
	/** Distinct (x, m_x) pairs. */
	readonly rows: number;
	/** The customers' mean of m_x. */
	readonly meanSpend: number;
	/** Distinct x with the customers having it. */
	private readonly xs: Float64Array;
	private readonly xWeight: Float64Array;
	/** Per row: weight, x and m_x · x. */
	private readonly weight: Float64Array;
	private readonly x: Float64Array;
	private readonly spendTimesX: Float64Array;
	/** Σ w ln m_x, Σ w x ln m_x and Σ w x ln x. */
	private readonly sumLnM: number;
	private readonly sumXLnM: number;
	private readonly sumXLnX: number;

	constructor(summaries: ArrayLike<SpendSummary>) {
		// Identical (x, m_x) become one row with their count, in (x, m_x) order: customers listed one by
		// one and the same customers grouped give the same rows, hence the same fit bit for bit.
		const rowOf = new Map<number, Map<number, number>>();
		const pairs: Array<{ x: number; m: number; w: number }> = [];
		for (let i = 0; i < summaries.length; i++) {
			const { x, meanSpend: m } = summaries[i];
			let byM = rowOf.get(x);
			if (!byM) rowOf.set(x, (byM = new Map()));
			const row = byM.get(m);
			if (row === undefined) {
				byM.set(m, pairs.length);
				pairs.push({ x, m, w: summaries[i].count ?? 1 });
			} else pairs[row].w += summaries[i].count ?? 1;
		}
		pairs.sort((a, b) => a.x - b.x || a.m - b.m);
		const n = pairs.length;
		this.weight = new Float64Array(n);
		this.x = new Float64Array(n);
		this.spendTimesX = new Float64Array(n);
		const byX = new Map<number, number>();
		let customers = 0;
		let sumLnM = 0;
		let sumXLnM = 0;
		let sumXLnX = 0;
		let sumM = 0;
		for (let i = 0; i < n; i++) {
			const { x, m, w } = pairs[i];
			sumM += w * m;
			this.weight[i] = w;
			this.x[i] = x;
			this.spendTimesX[i] = m * x;
			customers += w;
			const lnM = Math.log(m);
			sumLnM += w * lnM;
			sumXLnM += w * x * lnM;
			sumXLnX += w * x * Math.log(x);
			byX.set(x, (byX.get(x) ?? 0) + w);
		}
		this.rows = n;
		this.meanSpend = sumM / customers;
		this.customers = customers;
		this.sumLnM = sumLnM;
		this.sumXLnM = sumXLnM;
		this.sumXLnX = sumXLnX;
		this.xs = Float64Array.from(byX.keys());
		this.xWeight = Float64Array.from(byX.values());
	}

	/**
	 * Total log-likelihood, and (when `gradient` is given) its gradient in (ln p, ln q, ln gamma). Per customer:
	 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x).
	 */
	logLikelihood(p: number, q: number, gamma: number, gradient?: Float64Array): number {
		const sums = this.sumsAt(gamma, gradient !== undefined);
		const total = this.givenGamma(p, q, gamma, sums, gradient);
		if (gradient) gradient[2] = this.gammaSlope(p, q, gamma, sums);
		return total;
	}

	/**
	 * The only part that needs a pass over every customer depends on gamma alone:
	 * Σ w x ln(γ + m x), Σ w ln(γ + m x) and, for the slope in gamma, Σ w x / (γ + m x), Σ w / (γ + m x).
	 */
	sumsAt(gamma: number, slopes: boolean): GammaSums {
		let xLog = 0;
		let log = 0;
		let xInv = 0;
		let inv = 0;
		const { weight, x, spendTimesX } = this;
		for (let i = 0; i < weight.length; i++) {
			const w = weight[i];
			const base = gamma + spendTimesX[i];
			const l = w * Math.log(base);
			xLog += x[i] * l;
			log += l;
			if (slopes) {
				const v = w / base;
				xInv += x[i] * v;
				inv += v;
			}
		}
		return { xLog, log, xInv, inv };
	}

	/** The log-likelihood at (p, q) for the gamma the sums were taken at; gradient[0..1] in (ln p, ln q). */
	givenGamma(p: number, q: number, gamma: number, sums: GammaSums, gradient?: Float64Array): number {
		const W = this.customers;
		const lnG = Math.log(gamma);
		let total = W * (q * lnG - lnGamma(q)) + p * (this.sumXLnM + this.sumXLnX) - this.sumLnM;
		let gp = this.sumXLnM + this.sumXLnX;
		let gq = gradient ? W * (lnG - digamma(q)) : 0;
		for (let g = 0; g < this.xs.length; g++) {
			const x = this.xs[g];
			const w = this.xWeight[g];
			const px = p * x;
			total += w * lnGammaRatio(px, q);
			if (gradient) {
				const psiPxQ = digamma(px + q);
				gp += w * x * (psiPxQ - digamma(px));
				gq += w * psiPxQ;
			}
		}
		total -= p * sums.xLog + q * sums.log;
		if (gradient) {
			gradient[0] = (gp - sums.xLog) * p;
			gradient[1] = (gq - sums.log) * q;
		}
		return total;
	}

	/** ∂ log-likelihood / ∂ ln gamma. */
	gammaSlope(p: number, q: number, gamma: number, sums: GammaSums): number {
		return ((this.customers * q) / gamma - p * sums.xInv - q * sums.inv) * gamma;
	}
}

/** Above this z, ln Γ(z + q) − ln Γ(z) is taken from Stirling's series rather than as a difference. */
const STIRLING_FROM = 1e4;

/**
 * ln Γ(z + q) − ln Γ(z) for z, q > 0. For large z the two logarithms are huge and nearly equal: at
 * z = p·x = 9e7 (one customer with 10 million purchases) each is 1.6e9, so the difference lost 7 of its
 * digits and the spend fit could not meet its gradient tolerance at any parameters. Stirling's series
 * gives the difference directly: (z − ½) ln(1 + q/z) + q ln(z + q) − q + (1/(z + q) − 1/z)/12, the next
 * term being below 1e-13 from z = 1e4 on.
 */
export function lnGammaRatio(z: number, q: number): number {
	if (z < STIRLING_FROM) return lnGamma(z + q) - lnGamma(z);
	return (z - 0.5) * Math.log1p(q / z) + q * Math.log(z + q) - q + (1 / (z + q) - 1 / z) / 12;
}

export interface GammaSums {
	xLog: number;
	log: number;
	xInv: number;
	inv: number;
}
