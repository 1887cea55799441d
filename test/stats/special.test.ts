import { digamma, lnBeta, lnGamma } from '../../nodes/shared/stats';

const EULER_GAMMA = 0.5772156649015329;

describe('lnGamma', () => {
	it.each([
		[0.5, 0.5 * Math.log(Math.PI)],
		[1, 0],
		[2, 0],
		[10, Math.log(362880)],
		[100, 359.1342053695754],
		// ln Γ(ε) = −ln ε − γε + O(ε²)
		[1e-8, -Math.log(1e-8) - EULER_GAMMA * 1e-8],
	])('ln Γ(%p) = %p', (x, expected) => {
		expect(lnGamma(x)).toBeCloseTo(expected, 12);
	});

	it('satisfies ln Γ(x + 1) = ln Γ(x) + ln x across scales', () => {
		for (const x of [1e-6, 0.01, 0.3, 0.99, 3.7, 42.5, 1234.5, 1e6]) {
			expect(lnGamma(x + 1) - lnGamma(x)).toBeCloseTo(Math.log(x), 9);
		}
	});
});

describe('lnBeta', () => {
	it('matches factorial forms and symmetry', () => {
		expect(lnBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
		expect(lnBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
		expect(lnBeta(0.793, 2.426 + 7)).toBeCloseTo(lnBeta(2.426 + 7, 0.793), 14);
	});
});

describe('digamma', () => {
	it('matches known values', () => {
		expect(digamma(1)).toBeCloseTo(-EULER_GAMMA, 13);
		expect(digamma(0.5)).toBeCloseTo(-EULER_GAMMA - 2 * Math.log(2), 13);
		// ψ(10) = H_9 − γ
		expect(digamma(10)).toBeCloseTo(1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5 + 1 / 6 + 1 / 7 + 1 / 8 + 1 / 9 - EULER_GAMMA, 13);
	});

	it('is the derivative of lnGamma and satisfies ψ(x + 1) = ψ(x) + 1/x', () => {
		for (const x of [0.001, 0.243, 1.5, 7.3, 250]) {
			const h = 1e-5 * x;
			expect(digamma(x)).toBeCloseTo((lnGamma(x + h) - lnGamma(x - h)) / (2 * h), 5);
			expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 9);
		}
	});
});
