import { summariseNps, type NpsSummary } from '../satisfaction/nps';
import { monthLabel, round } from './periods';

export interface NpsAnswer {
	month: number;
	score: number;
	item: number;
}

export type NpsPeriod = NpsSummary & { period: string; change: number | null; items: number[] };

/** NPS per report month (0-10 answers: 9-10 promoters, 0-6 detractors) with the change from the month before. */
export function npsTrend(answers: NpsAnswer[], months: number[]): NpsPeriod[] {
	const byMonth = new Map<number, { promoters: number; passives: number; detractors: number; items: number[] }>();
	for (const a of answers) {
		let m = byMonth.get(a.month);
		if (!m) byMonth.set(a.month, (m = { promoters: 0, passives: 0, detractors: 0, items: [] }));
		if (a.score >= 9) m.promoters++;
		else if (a.score >= 7) m.passives++;
		else m.detractors++;
		m.items.push(a.item);
	}
	const summary = (month: number) => summariseNps(byMonth.get(month) ?? { promoters: 0, passives: 0, detractors: 0 }, 30);
	let before = months.length ? summary(months[0] - 1) : undefined;
	return months.map((month) => {
		const now = summary(month);
		const change = now.nps === null || before?.nps === null || before === undefined ? null : round(now.nps - before.nps!, 2);
		before = now;
		return { ...now, period: monthLabel(month), change, items: byMonth.get(month)?.items ?? [] };
	});
}
