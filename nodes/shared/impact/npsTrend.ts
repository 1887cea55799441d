import { classifyNps, countNps, summariseNps, type NpsSummary } from '../satisfaction/nps';
import { monthLabel, round } from './periods';

export interface NpsAnswer {
	month: number;
	score: number;
	item: number;
}

export type NpsPeriod = NpsSummary & { period: string; change: number | null; items: number[] };

/** The NPS of every answer, whatever its month. */
export function npsOfAll(answers: NpsAnswer[]): NpsSummary {
	const counts = { promoters: 0, passives: 0, detractors: 0 };
	for (const a of answers) countNps(counts, classifyNps(a.score));
	return summariseNps(counts, MIN_ANSWERS_FOR_MARGIN);
}

/** Answers a month (or the total) needs for a margin of error, as Score Satisfaction's report. */
const MIN_ANSWERS_FOR_MARGIN = 30;

/** NPS per report month (0-10 answers: 9-10 promoters, 0-6 detractors) with the change from the month before. */
export function npsTrend(answers: NpsAnswer[], months: number[]): NpsPeriod[] {
	const byMonth = new Map<number, { promoters: number; passives: number; detractors: number; items: number[] }>();
	for (const a of answers) {
		let m = byMonth.get(a.month);
		if (!m) byMonth.set(a.month, (m = { promoters: 0, passives: 0, detractors: 0, items: [] }));
		countNps(m, classifyNps(a.score));
		m.items.push(a.item);
	}
	const summary = (month: number) => summariseNps(byMonth.get(month) ?? { promoters: 0, passives: 0, detractors: 0 }, MIN_ANSWERS_FOR_MARGIN);
	let before = months.length ? summary(months[0] - 1) : undefined;
	return months.map((month) => {
		const now = summary(month);
		const change = now.nps === null || before?.nps === null || before === undefined ? null : round(now.nps - before.nps!, 2);
		before = now;
		return { ...now, period: monthLabel(month), change, items: byMonth.get(month)?.items ?? [] };
	});
}
