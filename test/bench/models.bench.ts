import {
	compress,
	fitBgNbd,
	fitGammaGamma,
	fitParetoNbd,
	scoreBgNbd,
	scoreParetoNbd,
	toColumns,
	type RfmColumns,
} from '../../nodes/shared/models';
import { cdnowSummary, cdnowWithSpend } from '../models/cdnowData';
import { simulateBgNbd, simulateParetoNbd } from '../models/simulate';
import type { Report } from './run';
import { spendSample } from './spendSample';

function time<T>(work: () => T): [T, number] {
	const start = process.hrtime.bigint();
	const result = work();
	return [result, Number(process.hrtime.bigint() - start) / 1e9];
}

/** Every value finite: a benchmark that produced NaN would be timing the wrong thing. */
function checkFinite(values: Float64Array, what: string): void {
	for (const v of values) if (!Number.isFinite(v)) throw new Error(`${what} produced a non-finite value`);
}

export async function run(report: Report): Promise<void> {
	const cdnow = cdnowSummary();
	const [bg, bgCdnow] = time(() => fitBgNbd(cdnow));
	report('BG/NBD fit, CDNOW 2,357 customers', bgCdnow, { logLik: bg.logLikelihood, rows: bg.distinctRows, iterations: bg.iterations });
	const [pareto, paretoCdnow] = time(() => fitParetoNbd(cdnow));
	report('Pareto/NBD fit, CDNOW 2,357 customers', paretoCdnow, { logLik: pareto.logLikelihood, rows: pareto.distinctRows, iterations: pareto.iterations });
	const spenders = cdnowWithSpend().map((r) => ({ x: r.x, meanSpend: r.zbar }));
	const [gg, ggSeconds] = time(() => fitGammaGamma(spenders));
	report('Gamma-Gamma fit, CDNOW 946 repeat buyers', ggSeconds, { logLik: gg.logLikelihood });
	// lifetimes fits the Gamma-Gamma model on 100,000 customers (47,677 repeat buyers) in 0.16 s.
	const spend100k = spendSample(100_000, 17);
	fitGammaGamma(spend100k); // warm-up: the first call compiles the code
	const [gg100k, gg100kSeconds] = time(() => fitGammaGamma(spend100k));
	report(`Gamma-Gamma fit, 100,000 customers (${spend100k.length.toLocaleString('en')} repeat buyers)`, gg100kSeconds, {
		lifetimesSeconds: 0.16,
		ratioToLifetimes: gg100kSeconds / 0.16,
		rows: gg100k.distinctRows,
		iterations: gg100k.iterations,
	});

	// lifetimes' published timings are for 23,570 customers: CDNOW repeated ten times.
	const cdnow10 = Array.from({ length: 10 }, () => cdnow).flat();
	const [, bg10] = time(() => fitBgNbd(cdnow10));
	report('BG/NBD fit, 23,570 customers (CDNOW x10)', bg10, { lifetimesSeconds: 0.22, ratioToLifetimes: bg10 / 0.22 });
	const [, pareto10] = time(() => fitParetoNbd(cdnow10));
	report('Pareto/NBD fit, 23,570 customers (CDNOW x10)', pareto10, { lifetimesSeconds: 3.2, ratioToLifetimes: pareto10 / 3.2 });

	// 1,000,000 simulated customers shaped like the CDNOW cohort (acquired over 12 weeks, observed 40-52
	// weeks) with day-level purchase dates, as real order data has, so identical (x, t_x, T) compress
	// as they do in practice. The timed fit includes compression.
	const bgCustomers: RfmColumns = toColumns(simulateBgNbd(1_000_000, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 99, true));
	const [bgBig, bgBigSeconds] = time(() => fitBgNbd(bgCustomers));
	report('BG/NBD fit, 1,000,000 simulated customers', bgBigSeconds, {
		budgetSeconds: 3,
		rows: bgBig.distinctRows,
		iterations: bgBig.iterations,
		r: bgBig.params.r,
		alpha: bgBig.params.alpha,
		a: bgBig.params.a,
		b: bgBig.params.b,
	});

	const paretoCustomers: RfmColumns = toColumns(simulateParetoNbd(1_000_000, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 98, true));
	const [paretoBig, paretoBigSeconds] = time(() => fitParetoNbd(paretoCustomers));
	report('Pareto/NBD fit, 1,000,000 simulated customers', paretoBigSeconds, {
		budgetSeconds: 10,
		rows: paretoBig.distinctRows,
		iterations: paretoBig.iterations,
		r: paretoBig.params.r,
		alpha: paretoBig.params.alpha,
		s: paretoBig.params.s,
		beta: paretoBig.params.beta,
	});

	const [bgScores, bgScoreSeconds] = time(() => scoreBgNbd(bgBig.params, bgCustomers, 39));
	checkFinite(bgScores.expectedPurchases, 'BG/NBD scoring');
	report('BG/NBD scoring (P(alive) + 39-week expectation), 1,000,000 customers', bgScoreSeconds, { budgetSeconds: 2 });
	const [paretoScores, paretoScoreSeconds] = time(() => scoreParetoNbd(paretoBig.params, paretoCustomers, 39));
	checkFinite(paretoScores.expectedPurchases, 'Pareto/NBD scoring');
	report('Pareto/NBD scoring (P(alive) + 39-week expectation), 1,000,000 customers', paretoScoreSeconds, { budgetSeconds: 2 });

	const [rows, compressSeconds] = time(() => compress(bgCustomers).rows);
	report('compression of 1,000,000 customers (part of each 1M fit above)', compressSeconds, { rows });
}
