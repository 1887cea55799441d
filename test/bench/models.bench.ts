import { bgNbdConditionalExpected, bgNbdProbabilityAlive, fitBgNbd, fitParetoNbd, compress } from '../../nodes/shared/models';
import { cdnowSummary } from '../models/cdnowData';
import { simulateBgNbd, simulateParetoNbd } from '../models/simulate';
import type { Report } from './run';

const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function time<T>(work: () => T): [T, number] {
	const start = process.hrtime.bigint();
	const result = work();
	return [result, seconds(start)];
}

export async function run(report: Report): Promise<void> {
	const cdnow = cdnowSummary();
	const [bg, bgCdnow] = time(() => fitBgNbd(cdnow));
	report('BG/NBD fit, CDNOW 2,357 customers', bgCdnow, { logLik: bg.logLikelihood, rows: bg.distinctRows });
	const [pareto, paretoCdnow] = time(() => fitParetoNbd(cdnow));
	report('Pareto/NBD fit, CDNOW 2,357 customers', paretoCdnow, { logLik: pareto.logLikelihood, rows: pareto.distinctRows });

	// lifetimes' published timings are for 23,570 customers: CDNOW repeated ten times.
	const cdnow10 = Array.from({ length: 10 }, () => cdnow).flat();
	const [, bg10] = time(() => fitBgNbd(cdnow10));
	report('BG/NBD fit, 23,570 customers (CDNOW x10)', bg10, { lifetimesSeconds: 0.22, ratioToLifetimes: bg10 / 0.22 });
	const [, pareto10] = time(() => fitParetoNbd(cdnow10));
	report('Pareto/NBD fit, 23,570 customers (CDNOW x10)', pareto10, { lifetimesSeconds: 3.2, ratioToLifetimes: pareto10 / 3.2 });

	// Simulated customers with day-level purchase dates (as real order data has), so identical
	// (x, t_x, T) rows compress as they do in practice.
	const bgCustomers = simulateBgNbd(1_000_000, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 99, true);
	const [bgBig, bgBigSeconds] = time(() => fitBgNbd(bgCustomers));
	report('BG/NBD fit, 1,000,000 simulated customers', bgBigSeconds, { budgetSeconds: 3, rows: bgBig.distinctRows, r: bgBig.params.r });

	const paretoCustomers = simulateParetoNbd(1_000_000, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 98, true);
	const [paretoBig, paretoBigSeconds] = time(() => fitParetoNbd(paretoCustomers));
	report('Pareto/NBD fit, 1,000,000 simulated customers', paretoBigSeconds, { budgetSeconds: 10, rows: paretoBig.distinctRows, r: paretoBig.params.r });

	const [, scoreSeconds] = time(() => {
		let sum = 0;
		for (const c of bgCustomers) sum += bgNbdProbabilityAlive(bg.params, c) + bgNbdConditionalExpected(bg.params, c, 39);
		return sum;
	});
	report('BG/NBD scoring (P(alive) + 39-week expectation), 1,000,000 customers', scoreSeconds, { budgetSeconds: 2 });
	const [rows, compressSeconds] = time(() => compress(bgCustomers).rows);
	report('compression of 1,000,000 customers', compressSeconds, { rows });
}
