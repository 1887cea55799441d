import { hyp2f1, hyp2f1OneWithDerivatives } from '../../nodes/shared/stats';

describe('hyp2f1', () => {
	it('2F1(1, 1; 2; z) = −ln(1 − z)/z on both sides of 0 (Pfaff transformation for z < 0)', () => {
		for (const z of [-50, -3, -0.999, -0.2, 0.1, 0.5, 0.9, 0.99]) {
			expect(hyp2f1(1, 1, 2, z) / (-Math.log(1 - z) / z)).toBeCloseTo(1, 12);
		}
	});

	it('2F1(a, b; b; z) = (1 − z)^−a, including where the plain series would alternate or diverge', () => {
		for (const z of [-9, -0.7, 0.3, 0.95]) expect(hyp2f1(0.7, 2.5, 2.5, z) / Math.pow(1 - z, -0.7)).toBeCloseTo(1, 12);
	});

	it('2F1(1/2, 1; 3/2; −x²) = arctan(x)/x and 2F1(1/2, 1/2; 3/2; x²) = arcsin(x)/x', () => {
		for (const x of [0.3, 2, 10]) expect(hyp2f1(0.5, 1, 1.5, -x * x)).toBeCloseTo(Math.atan(x) / x, 12);
		for (const x of [0.3, 0.9]) expect(hyp2f1(0.5, 0.5, 1.5, x * x)).toBeCloseTo(Math.asin(x) / x, 12);
	});

	it('uses Euler’s transformation when c − a − b < 0: 2F1(2, 1; 2; z) = 1/(1 − z)', () => {
		expect(hyp2f1(2, 1, 2, 0.98)).toBeCloseTo(50, 9);
	});

	it('terminates for a negative integer parameter: 2F1(−3, 2; 1; z) = 1 − 6z + 9z² − 4z³', () => {
		expect(hyp2f1(-3, 2, 1, 0.3)).toBeCloseTo(1 - 1.8 + 0.81 - 0.108, 14);
	});

	it('throws rather than returning an inaccurate value when the series cannot converge', () => {
		expect(() => hyp2f1(1, 1, 2, 1)).toThrow(RangeError);
		expect(() => hyp2f1(1, 1, 2, 1 - 1e-12)).toThrow('did not converge');
	});
});

describe('hyp2f1OneWithDerivatives: H(a; c; z) = 2F1(1, a; c; z) with its partial derivatives', () => {
	const out = new Float64Array(4);
	it.each([
		[0.55, 2.15, 0.09],
		[26.55, 28.15, 0.4],
		[1.6, 2.15, 0.999],
		[200.5, 202.1, 0.7],
		[0.3, 0.9, 0],
	])('a = %p, c = %p, z = %p', (a, c, z) => {
		expect(hyp2f1OneWithDerivatives(a, c, z, out)).toBe(true);
		const [H, dA, dC, dZ] = Array.from(out);
		expect(H / hyp2f1(1, a, c, z)).toBeCloseTo(1, 11);
		const h = 1e-6;
		expect(dA).toBeCloseTo((hyp2f1(1, a + h, c, z) - hyp2f1(1, a - h, c, z)) / (2 * h), 4);
		expect(dC).toBeCloseTo((hyp2f1(1, a, c + h, z) - hyp2f1(1, a, c - h, z)) / (2 * h), 4);
		const hz = Math.min(h, (1 - z) / 10);
		const zDown = Math.max(0, z - hz);
		expect(dZ / ((hyp2f1(1, a, c, z + hz) - hyp2f1(1, a, c, zDown)) / (z + hz - zDown))).toBeCloseTo(1, 4);
	});

	it('reports non-convergence instead of a value when z is within rounding of 1', () => {
		expect(hyp2f1OneWithDerivatives(0.5, 1.6, 1 - 1e-9, out)).toBe(false);
	});
});
