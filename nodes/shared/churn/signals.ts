import type { Language } from '../segments';
import { countOf } from '../format/counts';

/** What the rule signals read for one customer; undefined means "not mapped or not given". */
export interface SignalInput {
	daysSinceLast?: number;
	/** Mean days between this customer's purchases, when there are at least two. */
	usualIntervalDays?: number;
	/**
	 * For a customer with a single purchase: the typical interval of the batch's repeat customers
	 * (their median usual interval), so a one-time buyer who has been silent for long still raises the
	 * inactivity signal. BG/NBD on its own calls every one-time buyer certainly alive.
	 */
	typicalIntervalDays?: number;
	recentSpend?: number;
	previousSpend?: number;
	satisfaction?: number;
	previousSatisfaction?: number;
	/** A `declining` flag from Score Satisfaction. */
	satisfactionDeclining?: boolean;
	complaints?: number;
	daysToContractEnd?: number;
}

export interface SignalThresholds {
	/** Silence of at least this many usual intervals. */
	inactivityIntervals: number;
	/** Spend drop of at least this share (0-1) between the previous and the recent window. */
	spendDrop: number;
	/** Satisfaction (0-100) below this. */
	lowSatisfaction: number;
	/** Satisfaction drop of at least this many points. */
	satisfactionDrop: number;
	/** At least this many complaints or tickets in the window. */
	complaints: number;
	/** Contract ends within this many days. */
	contractEndDays: number;
}

export const DEFAULT_SIGNAL_THRESHOLDS: SignalThresholds = {
	inactivityIntervals: 2,
	spendDrop: 0.3,
	lowSatisfaction: 60,
	satisfactionDrop: 10,
	complaints: 2,
	contractEndDays: 30,
};

export interface Signal {
	key: 'inactivity' | 'spendDrop' | 'lowSatisfaction' | 'satisfactionDrop' | 'complaints' | 'contractEnd';
	/** 0-1: how strongly this signal alone points at churn (combined by noisy-OR). */
	weight: number;
	reason: string;
}

const fmt = (n: number, digits = 1) => (Math.round(n * 10 ** digits) / 10 ** digits).toString();
const pct = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Weights are fixed and documented: a signal that fires adds its weight by noisy-OR, scaled up (to at
 * most 1.5x, capped at 0.95) when it is far beyond its threshold, so "5 times the usual interval"
 * weighs more than "2 times".
 */
const BASE_WEIGHT: Record<Signal['key'], number> = {
	inactivity: 0.4,
	spendDrop: 0.25,
	lowSatisfaction: 0.25,
	satisfactionDrop: 0.2,
	complaints: 0.2,
	contractEnd: 0.3,
};

// `excess` is value / threshold: with a threshold of 0 it is Infinity, or NaN (0 / 0) at the threshold itself.
const scaled = (key: Signal['key'], excess: number) => Math.min(0.95, BASE_WEIGHT[key] * (excess > 1 ? Math.min(1.5, excess) : 1));

export function ruleSignals(input: SignalInput, t: SignalThresholds, language: Language): Signal[] {
	const zh = language === 'zh-CN';
	const signals: Signal[] = [];
	const { daysSinceLast, usualIntervalDays, typicalIntervalDays } = input;
	const ownInterval = usualIntervalDays !== undefined && usualIntervalDays > 0;
	const interval = ownInterval ? usualIntervalDays : typicalIntervalDays;
	if (daysSinceLast !== undefined && interval !== undefined && interval > 0) {
		const ratio = daysSinceLast / interval;
		if (ratio >= t.inactivityIntervals) {
			const days = Math.round(daysSinceLast);
			signals.push({
				key: 'inactivity',
				weight: scaled('inactivity', ratio / t.inactivityIntervals),
				reason: ownInterval
					? zh
						? `已 ${days} 天未购买，是该客户平均购买间隔的 ${fmt(ratio)} 倍`
						: `No purchase for ${countOf(days, 'day')}, ${fmt(ratio)} times this customer's usual interval`
					: zh
						? `仅购买过一次，已 ${days} 天未再购买，是复购客户通常间隔的 ${fmt(ratio)} 倍`
						: `Only one purchase, ${countOf(days, 'day')} ago: ${fmt(ratio)} times the usual interval of repeat customers`,
			});
		}
	}
	const { recentSpend, previousSpend } = input;
	if (recentSpend !== undefined && previousSpend !== undefined && previousSpend > 0) {
		const drop = 1 - recentSpend / previousSpend;
		if (drop >= t.spendDrop) {
			signals.push({
				key: 'spendDrop',
				weight: scaled('spendDrop', drop / t.spendDrop),
				reason: zh
					? `近期消费下降 ${pct(drop)}（${fmt(previousSpend, 2)} → ${fmt(recentSpend, 2)}）`
					: `Spend fell ${pct(drop)} (${fmt(previousSpend, 2)} → ${fmt(recentSpend, 2)}) against the previous window`,
			});
		}
	}
	if (input.satisfaction !== undefined && input.satisfaction < t.lowSatisfaction) {
		signals.push({
			key: 'lowSatisfaction',
			weight: scaled('lowSatisfaction', (t.lowSatisfaction - input.satisfaction) / 10 + 1),
			reason: zh
				? `满意度 ${fmt(input.satisfaction)}，低于 ${t.lowSatisfaction}`
				: `Satisfaction is ${fmt(input.satisfaction)}, below ${t.lowSatisfaction}`,
		});
	}
	const drop =
		input.satisfaction !== undefined && input.previousSatisfaction !== undefined ? input.previousSatisfaction - input.satisfaction : undefined;
	if ((drop !== undefined && drop >= t.satisfactionDrop) || input.satisfactionDeclining === true) {
		signals.push({
			key: 'satisfactionDrop',
			weight: scaled('satisfactionDrop', drop !== undefined ? drop / t.satisfactionDrop : 1),
			reason:
				drop !== undefined && drop >= t.satisfactionDrop
					? zh
						? `满意度下降 ${fmt(drop)} 分（${fmt(input.previousSatisfaction!)} → ${fmt(input.satisfaction!)}）`
						: `Satisfaction dropped ${fmt(drop)} points (${fmt(input.previousSatisfaction!)} → ${fmt(input.satisfaction!)})`
					: zh
						? '满意度呈下降趋势'
						: 'Satisfaction is declining',
		});
	}
	if (input.complaints !== undefined && input.complaints >= t.complaints) {
		signals.push({
			key: 'complaints',
			weight: scaled('complaints', input.complaints / t.complaints),
			reason: zh ? `近期投诉/工单 ${input.complaints} 次` : `${input.complaints} complaints or tickets in the window`,
		});
	}
	if (input.daysToContractEnd !== undefined && input.daysToContractEnd <= t.contractEndDays) {
		const ended = input.daysToContractEnd < 0;
		const days = ended ? Math.floor(-input.daysToContractEnd) : Math.ceil(input.daysToContractEnd);
		signals.push({
			key: 'contractEnd',
			weight: scaled('contractEnd', ended ? 1.5 : 1),
			reason: contractEndReason(ended, days, zh),
		});
	}
	return signals;
}

/** Within a day of the end (either side) the contract ends or ended today. */
function contractEndReason(ended: boolean, days: number, zh: boolean): string {
	if (days === 0) {
		if (zh) return ended ? '合同已于今天到期' : '合同今天到期';
		return ended ? 'Contract ended today' : 'Contract ends today';
	}
	if (zh) return ended ? `合同已于 ${days} 天前到期` : `合同将在 ${days} 天内到期`;
	return ended ? `Contract ended ${countOf(days, 'day')} ago` : `Contract ends in ${countOf(days, 'day')}`;
}

/** The median of the given usual intervals (at least 3 of them), for one-time buyers; else undefined. */
export function typicalInterval(intervals: ArrayLike<number>): number | undefined {
	// A typed array sorts numerically without a comparator call per pair (a batch has a million intervals).
	const sorted = Float64Array.from(intervals).filter((v) => v > 0 && Number.isFinite(v)).sort();
	if (sorted.length < 3) return undefined;
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
