import { lnGammaRatio } from '../../nodes/shared/models/spendData';
import { lnGamma } from '../../nodes/shared/stats';

/** ln Γ(z + n) − ln Γ(z) = ln z + ln(z + 1) + … + ln(z + n − 1) for a whole n: exact to rounding. */
const byProduct = (z: number, n: number) => {
	let sum = 0;
	for (let k = 0; k < n; k++) sum += Math.log(z + k);
	return sum;
};

describe('lnGammaRatio: ln Γ(z + q) − ln Γ(z) without the cancellation of two huge logarithms', () => {
	it.each([1e4, 3.3e5, 9.032e7, 1e9, 1e12])('z = %p, whole q: equal to the sum of logarithms to 1e-12', (z) => {
		for (const n of [1, 2, 7, 40]) expect(Math.abs(lnGammaRatio(z, n) - byProduct(z, n))).toBeLessThan(1e-12 * Math.max(1, byProduct(z, n)));
	});

	it('as a difference of ln Γ it lost digits there (the reason for the function)', () => {
		expect(Math.abs(lnGamma(9.032e7 + 7) - lnGamma(9.032e7) - byProduct(9.032e7, 7))).toBeGreaterThan(1e-9);
	});

	it.each([0.3, 5, 999.5])('below z = 1e4 it is the difference of ln Γ (z = %p)', (z) => {
		expect(lnGammaRatio(z, 6.98)).toBe(lnGamma(z + 6.98) - lnGamma(z));
	});

	it('continuous where Stirling takes over, for a fractional q', () => {
		expect(lnGammaRatio(1e4 - 1e-9, 6.98)).toBeCloseTo(lnGammaRatio(1e4, 6.98), 9);
	});
});
