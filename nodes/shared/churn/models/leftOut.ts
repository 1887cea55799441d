import { z } from 'zod';
import { ConfigError, describeValue } from '../../input';
import type { RfmSummary } from '../../models';
import { suppliedNumbers } from './supplied';
import type { FittedModel, ModelSubject } from './types';

/**
 * A purchase history (x, t_x, T) a fit left out, with its purchase rate in times the batch's median.
 * Every customer with it is left out: customers one by one and their GROUP BY row are left out alike,
 * and a page run given the Model item rejects the customers the one run rejected.
 */
export interface LeftOutHistory {
	x: number;
	tx: number;
	T: number;
	timesMedian: number;
}

/** At most this many histories are left out of a fit that fails with them. */
const MAX_LEFT_OUT = 3;
/** A purchase rate this many times the batch's median rate of repeat buyers is far outside the batch. */
const OUTLYING_RATE = 100;

const rate = (s: RfmSummary) => s.x / s.T;
const historyKey = (s: RfmSummary) => `${s.x}|${s.tx}|${s.T}`;
const customersOf = (s: ModelSubject) => s.count ?? 1;

/**
 * The median purchase rate of the repeat buyers, each row counted as the customers it stands for (the
 * upper middle one for an even number, as before counts): the same for customers one by one and for
 * their GROUP BY rows. Undefined without repeat buyers.
 */
function medianRate(subjects: readonly ModelSubject[]): number | undefined {
	const rows = subjects.filter((s) => s.summary!.x > 0 && customersOf(s) > 0).map((s) => ({ rate: rate(s.summary!), customers: customersOf(s) }));
	rows.sort((a, b) => a.rate - b.rate);
	const middle = Math.floor(rows.reduce((sum, r) => sum + r.customers, 0) / 2);
	let seen = 0;
	for (const r of rows) {
		seen += r.customers;
		if (middle < seen) return r.rate;
	}
	return undefined;
}

/**
 * A fit that fails on the batch can fail for customers whose purchase rates are far beyond everyone
 * else's (two customers with millions of purchases in two years: Pareto/NBD's parameters run off).
 * The fastest such histories are left out with every customer having them, one more history at a time,
 * up to MAX_LEFT_OUT; the first fit that works is kept, with the histories it left out, so that each of
 * their customers is its own item's error instead of the whole batch failing unnamed. Undefined when no
 * such fit works (the batch's own error stands).
 */
export function fitWithoutFastestBuyers(subjects: readonly ModelSubject[], fitOn: (list: readonly ModelSubject[]) => FittedModel): FittedModel | undefined {
	const median = medianRate(subjects);
	if (median === undefined) return undefined;
	const outlying = new Map<string, RfmSummary>();
	for (const s of subjects) if (customersOf(s) > 0 && rate(s.summary!) > OUTLYING_RATE * median) outlying.set(historyKey(s.summary!), s.summary!);
	// Fastest first; equal rates in (x, t_x, T) order, so the order of the items does not matter.
	const fastest = [...outlying.values()].sort((a, b) => rate(b) - rate(a) || b.x - a.x || a.tx - b.tx || a.T - b.T).slice(0, MAX_LEFT_OUT);
	for (let k = 1; k <= fastest.length; k++) {
		const out = new Set(fastest.slice(0, k).map(historyKey));
		let fitted: FittedModel;
		try {
			fitted = fitOn(subjects.filter((s) => !out.has(historyKey(s.summary!))));
		} catch {
			continue;
		}
		const leftOut = fastest.slice(0, k).map(({ x, tx, T }) => ({ x, tx, T, timesMedian: Math.round(rate({ x, tx, T }) / median) }));
		return { ...fitted, leftOut };
	}
	return undefined;
}

/** The customers of the left-out histories, each with why (`name`: the model's, "Pareto/NBD"). */
export function leftOutReasons<S extends ModelSubject>(histories: readonly LeftOutHistory[], subjects: readonly S[], name: string): Map<S, string> {
	const reasons = new Map<string, string>();
	for (const h of histories) {
		reasons.set(
			historyKey(h),
			`with t_x ${h.tx} and T ${h.T} is a purchase rate ${h.timesMedian} times the batch's median: ${name} could not be fitted with this customer, so it was fitted on the others`,
		);
	}
	const byCustomer = new Map<S, string>();
	for (const s of subjects) {
		const reason = s.summary && reasons.get(historyKey(s.summary));
		if (reason !== undefined) byCustomer.set(s, reason);
	}
	return byCustomer;
}

const HISTORY_SCHEMA = z.object({
	x: z.number().int().min(0),
	tx: z.number().finite().min(0),
	T: z.number().finite().positive(),
	timesMedian: z.number().finite().positive(),
});

/** The left-out histories of a supplied Model item (none when it has none). */
export function suppliedLeftOut(raw: unknown): LeftOutHistory[] | undefined {
	if (raw === undefined || raw === null) return undefined;
	if (!Array.isArray(raw)) throw new ConfigError(`Supplied leftOut is ${describeValue(raw)}, which is not a list (expected a list of purchase histories { x, tx, T, timesMedian })`);
	return raw.map((entry, i) => suppliedNumbers(`leftOut entry ${i}`, HISTORY_SCHEMA, entry, 'numbers (x whole and at least 0, tx at least 0, T and timesMedian above 0)'));
}
