/** Value of the objective at x; writes its gradient into `gradient` (same length as x). */
export type ValueAndGradient = (x: Float64Array, gradient: Float64Array) => number;

export interface OptimizeResult {
	x: number[];
	value: number;
	iterations: number;
	evaluations: number;
	converged: boolean;
	/** Largest absolute gradient component at x. */
	gradientNorm: number;
}

export interface OptimizeOptions {
	maxIterations?: number;
	/** Converged when the largest gradient component is below this. */
	gradientTolerance?: number;
}

/** Wraps an objective without a gradient: central differences, 2n extra evaluations per gradient. */
export function withNumericGradient(f: (x: Float64Array) => number): ValueAndGradient {
	return (x, gradient) => {
		const value = f(x);
		for (let i = 0; i < x.length; i++) {
			const xi = x[i];
			const h = 1e-6 * Math.max(1, Math.abs(xi));
			x[i] = xi + h;
			const up = f(x);
			x[i] = xi - h;
			const down = f(x);
			x[i] = xi;
			gradient[i] = (up - down) / (2 * h);
		}
		return value;
	};
}

function maxAbs(v: Float64Array): number {
	let m = 0;
	for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
	return m;
}

function dot(u: Float64Array, v: Float64Array): number {
	let s = 0;
	for (let i = 0; i < u.length; i++) s += u[i] * v[i];
	return s;
}

/**
 * Minimises f by BFGS (dense inverse-Hessian update, meant for a handful of parameters) with a
 * backtracking line search that interpolates the step and enforces the Armijo condition. A non-finite
 * value or gradient counts as +∞, so the search steps back from regions where the model is undefined.
 */
export function minimizeBfgs(fg: ValueAndGradient, x0: ArrayLike<number>, options: OptimizeOptions = {}): OptimizeResult {
	const maxIterations = options.maxIterations ?? 400;
	const tolerance = options.gradientTolerance ?? 1e-8;
	const n = x0.length;
	let evaluations = 0;
	const evaluate = (x: Float64Array, g: Float64Array): number => {
		evaluations++;
		const v = fg(x, g);
		if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
		for (let i = 0; i < n; i++) if (!Number.isFinite(g[i])) return Number.POSITIVE_INFINITY;
		return v;
	};
	let x = Float64Array.from(x0);
	let g = new Float64Array(n);
	let fx = evaluate(x, g);
	if (!Number.isFinite(fx)) throw new RangeError('The objective is not finite at the starting point');
	let next = new Float64Array(n);
	let gNext = new Float64Array(n);
	const direction = new Float64Array(n);
	const s = new Float64Array(n);
	const y = new Float64Array(n);
	const Hy = new Float64Array(n);
	const H = new Float64Array(n * n);
	const resetH = (scale: number) => {
		H.fill(0);
		for (let i = 0; i < n; i++) H[i * n + i] = scale;
	};
	resetH(1 / Math.max(1, maxAbs(g)));
	const done = (iterations: number, converged: boolean): OptimizeResult => ({
		x: Array.from(x),
		value: fx,
		iterations,
		evaluations,
		converged,
		gradientNorm: maxAbs(g),
	});
	let stalls = 0;
	for (let iteration = 0; iteration < maxIterations; iteration++) {
		if (maxAbs(g) < tolerance) return done(iteration, true);
		for (let i = 0; i < n; i++) {
			let d = 0;
			for (let j = 0; j < n; j++) d -= H[i * n + j] * g[j];
			direction[i] = d;
		}
		let slope = dot(direction, g);
		if (!(slope < 0)) {
			resetH(1 / Math.max(1, maxAbs(g)));
			for (let i = 0; i < n; i++) direction[i] = -H[i * n + i] * g[i];
			slope = dot(direction, g);
		}
		let step = 1;
		let fNext = Number.POSITIVE_INFINITY;
		for (let tries = 0; tries < 60; tries++) {
			for (let i = 0; i < n; i++) next[i] = x[i] + step * direction[i];
			fNext = evaluate(next, gNext);
			if (fNext <= fx + 1e-4 * step * slope) break;
			// Minimum of the quadratic through f(0), f'(0) and f(step), kept within [0.1, 0.5] of the step.
			const quadratic = Number.isFinite(fNext) ? (-slope * step * step) / (2 * (fNext - fx - slope * step)) : 0.1 * step;
			step = Math.min(0.5 * step, Math.max(0.1 * step, quadratic));
		}
		if (!(fNext <= fx + 1e-4 * step * slope)) return done(iteration, maxAbs(g) < 1e3 * tolerance);
		for (let i = 0; i < n; i++) {
			s[i] = next[i] - x[i];
			y[i] = gNext[i] - g[i];
		}
		const sy = dot(s, y);
		if (sy > 1e-300) {
			if (iteration === 0) resetH(sy / dot(y, y));
			const rho = 1 / sy;
			for (let i = 0; i < n; i++) {
				let v = 0;
				for (let j = 0; j < n; j++) v += H[i * n + j] * y[j];
				Hy[i] = v;
			}
			const yHy = dot(y, Hy);
			for (let i = 0; i < n; i++) {
				for (let j = 0; j < n; j++) {
					H[i * n + j] += -rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j];
				}
			}
		}
		const improvement = fx - fNext;
		[x, next] = [next, x];
		[g, gNext] = [gNext, g];
		fx = fNext;
		// Several steps in a row that change f by rounding noise only: the gradient is as small as the
		// arithmetic can make it.
		stalls = improvement <= 1e-15 * Math.max(1, Math.abs(fx)) ? stalls + 1 : 0;
		if (stalls >= 3) return done(iteration + 1, maxAbs(g) < 1e3 * tolerance);
	}
	return done(maxIterations, maxAbs(g) < tolerance);
}
