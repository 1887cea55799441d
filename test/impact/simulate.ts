/** mulberry32: a small seeded generator, the same on every machine. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Revenue of one customer: with probability `p` a purchase worth Gamma(2, mean/2) (sum of two exponentials), else 0. */
export function revenueDraw(random: () => number, p: number, meanPurchase: number): number {
	if (random() >= p) return 0;
	const e = () => -Math.log(1 - random());
	return Math.round(((e() + e()) * meanPurchase) / 2 * 100) / 100;
}
