/**
 * Astronomical new moons for the lunar-calendar tests, from Meeus, "Astronomical Algorithms" (2nd ed.),
 * chapter 49 (true phases: mean new moon plus the periodic and planetary terms), accurate to well under
 * a minute over 1900-2100, with ΔT (TT - UT) from the NASA polynomial fits (Espenak & Meeus).
 */
const RAD = Math.PI / 180;
const JD_UNIX_EPOCH = 2440587.5;

function newMoonJde(k: number): number {
	const T = k / 1236.85;
	const E = 1 - 0.002516 * T - 0.0000074 * T * T;
	const M = (2.5534 + 29.1053567 * k - 0.0000014 * T * T - 0.00000011 * T ** 3) * RAD;
	const Mp = (201.5643 + 385.81693528 * k + 0.0107582 * T * T + 0.00001238 * T ** 3 - 0.000000058 * T ** 4) * RAD;
	const F = (160.7108 + 390.67050284 * k - 0.0016118 * T * T - 0.00000227 * T ** 3 + 0.000000011 * T ** 4) * RAD;
	const Om = (124.7746 - 1.56375588 * k + 0.0020672 * T * T + 0.00000215 * T ** 3) * RAD;
	const s = Math.sin;
	let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T * T - 0.00000015 * T ** 3 + 0.00000000073 * T ** 4;
	jde +=
		-0.4072 * s(Mp) + 0.17241 * E * s(M) + 0.01608 * s(2 * Mp) + 0.01039 * s(2 * F) + 0.00739 * E * s(Mp - M) -
		0.00514 * E * s(Mp + M) + 0.00208 * E * E * s(2 * M) - 0.00111 * s(Mp - 2 * F) - 0.00057 * s(Mp + 2 * F) +
		0.00056 * E * s(2 * Mp + M) - 0.00042 * s(3 * Mp) + 0.00042 * E * s(M + 2 * F) + 0.00038 * E * s(M - 2 * F) -
		0.00024 * E * s(2 * Mp - M) - 0.00017 * s(Om) - 0.00007 * s(Mp + 2 * M) + 0.00004 * s(2 * Mp - 2 * F) +
		0.00004 * s(3 * M) + 0.00003 * s(Mp + M - 2 * F) + 0.00003 * s(2 * Mp + 2 * F) - 0.00003 * s(Mp + M + 2 * F) +
		0.00003 * s(Mp - M + 2 * F) - 0.00002 * s(Mp - M - 2 * F) - 0.00002 * s(3 * Mp + M) + 0.00002 * s(4 * Mp);
	const planetary: Array<[number, number]> = [
		[0.000325, 299.77 + 0.107408 * k - 0.009173 * T * T], [0.000165, 251.88 + 0.016321 * k], [0.000164, 251.83 + 26.651886 * k],
		[0.000126, 349.42 + 36.412478 * k], [0.00011, 84.66 + 18.206239 * k], [0.000062, 141.74 + 53.303771 * k],
		[0.00006, 207.14 + 2.453732 * k], [0.000056, 154.84 + 7.30686 * k], [0.000047, 34.52 + 27.261239 * k],
		[0.000042, 207.19 + 0.121824 * k], [0.00004, 291.34 + 1.844379 * k], [0.000037, 161.72 + 24.198154 * k],
		[0.000035, 239.56 + 25.513099 * k], [0.000023, 331.55 + 3.592518 * k],
	];
	for (const [amplitude, angle] of planetary) jde += amplitude * s(angle * RAD);
	return jde;
}

/** ΔT in seconds for a decimal year (Espenak & Meeus polynomials, 1900-2150). */
function deltaT(year: number): number {
	if (year < 1920) { const t = year - 1900; return -2.79 + 1.494119 * t - 0.0598939 * t ** 2 + 0.0061966 * t ** 3 - 0.000197 * t ** 4; }
	if (year < 1941) { const t = year - 1920; return 21.2 + 0.84493 * t - 0.0761 * t ** 2 + 0.0020936 * t ** 3; }
	if (year < 1961) { const t = year - 1950; return 29.07 + 0.407 * t - t ** 2 / 233 + t ** 3 / 2547; }
	if (year < 1986) { const t = year - 1975; return 45.45 + 1.067 * t - t ** 2 / 260 - t ** 3 / 718; }
	if (year < 2005) { const t = year - 2000; return 63.86 + 0.3345 * t - 0.060374 * t ** 2 + 0.0017275 * t ** 3 + 0.000651814 * t ** 4 + 0.00002373599 * t ** 5; }
	if (year < 2050) { const t = year - 2000; return 62.92 + 0.32217 * t + 0.005589 * t ** 2; }
	return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year);
}

/** The new moons (UTC epoch milliseconds) between two instants. */
export function newMoonsBetween(fromMs: number, toMs: number): number[] {
	const kOf = (ms: number) => (ms / 86_400_000 + JD_UNIX_EPOCH - 2451550.09766) / 29.530588861;
	const moons: number[] = [];
	for (let k = Math.floor(kOf(fromMs)) - 1; k <= Math.ceil(kOf(toMs)) + 1; k++) {
		const jde = newMoonJde(k);
		const year = 2000 + (jde - 2451545) / 365.25;
		const ms = (jde - JD_UNIX_EPOCH) * 86_400_000 - deltaT(year) * 1000;
		if (ms >= fromMs && ms <= toMs) moons.push(ms);
	}
	return moons;
}
