import { bgNbdConditionalExpected, bgNbdExpectedNew, type BgNbdParams } from '../../nodes/shared/models';
import { betaMeanOfPurchases } from '../../nodes/shared/models/bgnbdExpectation';
import { series } from '../../nodes/shared/stats';

/**
 * BG/NBD's expected purchases when the horizon is long against alpha + T (a customer new at the As Of,
 * daily buyers over years): the 2F1 series needs about 40/u terms there (u = (alpha + T)/(alpha + T + t))
 * and stopped unfinished ('hyp2f1(…) did not converge in 1000000 terms'), an error of the customer's own.
 */

/** The series' expression, as bgnbd.ts sums it, for the u where it converges. */
function bySeries(p: BgNbdParams, x: number, u: number): number {
	const c = p.a + p.b + x - 1;
	return (c / (p.a - 1)) * (1 - Math.pow(u, p.a - 1) * series(p.a + p.b - 1 - p.r, p.a - 1, c, 1 - u));
}

/** E over p ~ Beta(a, beta) of (1 − (1 + p w)^−k)/p by the midpoint rule on a fine grid (for a >= 1, beta >= 1: a smooth integrand). */
function byMidpoints(a: number, beta: number, k: number, w: number, lnB: number): number {
	const n = 2_000_000;
	let sum = 0;
	for (let i = 0; i < n; i++) {
		const p = (i + 0.5) / n;
		sum += Math.exp((a - 1) * Math.log(p) + (beta - 1) * Math.log1p(-p) - lnB) * (-Math.expm1(-k * Math.log1p(p * w)) / p);
	}
	return sum / n;
}

describe('BG/NBD expected purchases integrated where the series is slow', () => {
	const sets: BgNbdParams[] = [
		{ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
		{ r: 0.5, alpha: 0.05, a: 3, b: 8 },
		{ r: 2, alpha: 1, a: 0.05, b: 0.3 },
		{ r: 0.01, alpha: 1, a: 40, b: 1000 },
		{ r: 5, alpha: 1, a: 1.5, b: 0.2 },
	];
	it.each(sets)('the integral equals the series where both work (%p)', (p) => {
		for (const x of [0, 1, 7, 300]) {
			for (const u of [0.9, 0.5, 0.1, 0.01, 0.001]) {
				expect(betaMeanOfPurchases(p.a, p.b + x, p.r + x, (1 - u) / u) / bySeries(p, x, u)).toBeCloseTo(1, 9);
			}
		}
	});

	it('a customer new at the As Of, daily buyers, 10 years ahead: scored, equal to the average computed independently', () => {
		const p = { r: 0.5, alpha: 0.05, a: 3, b: 8 };
		const expected = bgNbdConditionalExpected(p, { x: 0, tx: 0, T: 0 }, 3650);
		// B(3, 8) = 2! 7! / 10! = 1/360.
		expect(expected).toBeCloseTo(byMidpoints(3, 8, 0.5, 3650 / 0.05, Math.log(1 / 360)), 6);
		expect(bgNbdExpectedNew(p, 3650)).toBe(expected);
	});

	it('alpha at the least supplied parameters may have (0.000001): finite for every customer over 26 weeks', () => {
		const p = { r: 0.243, alpha: 1e-6, a: 0.793, b: 2.426 };
		for (const c of [{ x: 0, tx: 0, T: 0 }, { x: 3, tx: 1e-5, T: 1e-5 }, { x: 1e7, tx: 10000, T: 10000 }]) {
			const value = bgNbdConditionalExpected(p, c, 26);
			expect(Number.isFinite(value) && value >= 0).toBe(true);
		}
	});
});
