export interface OptimizeResult {
	x: number[];
	value: number;
	iterations: number;
	converged: boolean;
	gradientNorm: number;
}

export interface OptimizeOptions {
	maxIterations?: number;
	/** Stop when the largest gradient component is below this. */
	gradientTolerance?: number;
	/** Gradient of f; central differences when omitted. */
	gradient?: (x: number[]) => number[];
}

function numericGradient(f: (x: number[]) => number, x: number[]): number[] {
	return x.map((xi, i) => {
		const h = 1e-6 * Math.max(1, Math.abs(xi));
		const up = x.slice();
		const down = x.slice();
		up[i] = xi + h;
		down[i] = xi - h;
		return (f(up) - f(down)) / (2 * h);
	});
}

const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);
const maxAbs = (v: number[]) => v.reduce((m, vi) => Math.max(m, Math.abs(vi)), 0);

/**
 * Minimises f by BFGS with a backtracking (Armijo) line search. A non-finite f is treated as +∞, so
 * the search steps back from parameter regions where the model is undefined.
 */
export function minimizeBfgs(f: (x: number[]) => number, x0: number[], options: OptimizeOptions = {}): OptimizeResult {
	const maxIterations = options.maxIterations ?? 500;
	const tolerance = options.gradientTolerance ?? 1e-7;
	const objective = (x: number[]) => {
		const v = f(x);
		return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
	};
	const grad = options.gradient ?? ((x: number[]) => numericGradient(objective, x));
	const n = x0.length;
	let x = x0.slice();
	let fx = objective(x);
	if (!Number.isFinite(fx)) throw new RangeError('The objective is not finite at the starting point');
	let g = grad(x);
	let H: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		if (maxAbs(g) < tolerance) return { x, value: fx, iterations: iteration, converged: true, gradientNorm: maxAbs(g) };
		let direction = H.map((row) => -dot(row, g));
		if (dot(direction, g) >= 0) {
			H = H.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
			direction = g.map((gi) => -gi);
		}
		let step = 1;
		let next = x.map((xi, i) => xi + step * direction[i]);
		let fNext = objective(next);
		const slope = dot(direction, g);
		while (!(fNext <= fx + 1e-4 * step * slope) && step > 1e-12) {
			step /= 2;
			next = x.map((xi, i) => xi + step * direction[i]);
			fNext = objective(next);
		}
		if (step <= 1e-12) {
			return { x, value: fx, iterations: iteration, converged: maxAbs(g) < 1e-4, gradientNorm: maxAbs(g) };
		}
		const gNext = grad(next);
		const s = next.map((v, i) => v - x[i]);
		const y = gNext.map((v, i) => v - g[i]);
		const sy = dot(s, y);
		if (sy > 1e-12) {
			const rho = 1 / sy;
			const Hy = H.map((row) => dot(row, y));
			const yHy = dot(y, Hy);
			H = H.map((row, i) => row.map((hij, j) => hij - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
		}
		const improvement = fx - fNext;
		x = next;
		fx = fNext;
		g = gNext;
		if (improvement >= 0 && improvement < 1e-14 * Math.max(1, Math.abs(fx)) && maxAbs(g) < 1e-4) {
			return { x, value: fx, iterations: iteration + 1, converged: true, gradientNorm: maxAbs(g) };
		}
	}
	return { x, value: fx, iterations: maxIterations, converged: maxAbs(g) < tolerance, gradientNorm: maxAbs(g) };
}
