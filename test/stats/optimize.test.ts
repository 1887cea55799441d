import { minimizeBfgs, withNumericGradient } from '../../nodes/shared/stats';

describe('minimizeBfgs', () => {
	it('finds the Rosenbrock minimum (1, 1) from (−1.2, 1) with an analytic gradient', () => {
		const result = minimizeBfgs((x, g) => {
			const [a, b] = [x[0], x[1]];
			g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
			g[1] = 200 * (b - a * a);
			return (1 - a) ** 2 + 100 * (b - a * a) ** 2;
		}, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 6);
		expect(result.x[1]).toBeCloseTo(1, 6);
		expect(result.gradientNorm).toBeLessThan(1e-8);
	});

	it('minimises a correlated quadratic with central-difference gradients', () => {
		// f = (x − 3)² + (x − 3)(y + 1) + 2(y + 1)²: minimum at (3, −1)
		const result = minimizeBfgs(withNumericGradient((v) => (v[0] - 3) ** 2 + (v[0] - 3) * (v[1] + 1) + 2 * (v[1] + 1) ** 2), [0, 0], {
			gradientTolerance: 1e-7,
		});
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(3, 6);
		expect(result.x[1]).toBeCloseTo(-1, 6);
	});

	it('steps back from where the objective is undefined (NaN counts as +∞)', () => {
		// Defined only for x >= 0.9; the first full step from 1.5 lands at 0.5.
		const result = minimizeBfgs((x, g) => {
			g[0] = 2 * (x[0] - 1);
			return x[0] < 0.9 ? Number.NaN : (x[0] - 1) ** 2;
		}, [1.5]);
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 8);
	});

	it('refuses a starting point where the objective is not finite', () => {
		expect(() => minimizeBfgs((_x, g) => {
			g[0] = 0;
			return Number.POSITIVE_INFINITY;
		}, [0])).toThrow('not finite at the starting point');
	});

	it('reports no convergence when the minimum is at infinity', () => {
		// f = e^x has no minimum: x runs off towards −∞ and the gradient never reaches the tolerance.
		const result = minimizeBfgs((x, g) => {
			g[0] = Math.exp(x[0]);
			return Math.exp(x[0]);
		}, [0], { maxIterations: 50, gradientTolerance: 1e-30 });
		expect(result.converged).toBe(false);
		expect(result.x[0]).toBeLessThan(-3);
	});
});
