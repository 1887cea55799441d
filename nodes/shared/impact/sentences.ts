import type { LabelTable, Language } from '../format/language';
import type { OutcomeMeasure } from './uplift';
import LABELS from '../format/labels.json';

export type { Language } from '../format/language';

export interface SentenceContext {
	language: Language;
	/** Campaign name as the user wrote it, or empty. */
	campaign: string;
	/** Outcome name in the chosen language, e.g. "30-day repurchase". */
	outcomeLabel: string;
	/** Stratum value, or undefined for all customers. */
	stratum?: string;
	level: number;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
/** Sign and digits as written: a difference that rounds to zero is +0.0, not −0.0. */
export const signed = (x: number, digits: number) => {
	const text = Math.abs(x).toFixed(digits);
	return `${x < 0 && Number(text) !== 0 ? '−' : '+'}${text}`;
};

/**
 * toFixed with the minus sign the changes next to it are written with (signed): "NPS −56.7 (−56.7)", not
 * "NPS -56.7 (−56.7)"; a value that rounds to zero has none (−0.04 is 0.0, not -0.0).
 */
export const fixed = (x: number, digits: number) => {
	const text = Math.abs(x).toFixed(digits);
	return x < 0 && Number(text) !== 0 ? `−${text}` : text;
};
function parts(m: OutcomeMeasure) {
	const proportion = m.kind === 'proportion';
	// Means with the difference's two decimals: rounded to whole units from 100 up, 75.00 against 412.50
	// read '75.00 …, 413 … (+337.50', a difference the two figures do not show.
	const value = (x: number) => (proportion ? percent(x) : fixed(x, 2));
	const diff = (x: number) => (proportion ? signed(x * 100, 1) : signed(x, 2));
	return { holdout: value(m.holdout.value), treatment: value(m.treatment.value), diff, proportion };
}

/** Every customer converted, or none: why an inconclusive rate has no minimum detectable effect (else: groups too small). */
function sameOutcome(m: OutcomeMeasure): boolean {
	const successes = (m.treatment.successes ?? 0) + (m.holdout.successes ?? 0);
	return successes === 0 || successes === m.treatment.customers + m.holdout.customers;
}

/** Why an outcome cannot be measured, as a clause: "the holdout has 1 customer, …". */
function unmeasurableReason(m: OutcomeMeasure, c: SentenceContext): string {
	const { why, groups } = m.unmeasurable!;
	const zh = c.language === 'zh-CN';
	const both = groups.length === 2;
	const name = (g: string) => (zh ? (g === 'holdout' ? '对照组' : '干预组') : `the ${g}`);
	if (why === 'noCustomers') {
		if (zh) return both ? '两组都没有客户' : `${name(groups[0])}没有客户`;
		return both ? 'neither group has customers' : `${name(groups[0])} has no customers`;
	}
	if (why === 'oneCustomer') {
		if (zh) return `${both ? '两组各' : name(groups[0])}只有 1 人，均值的区间每组至少需要 2 人`;
		return `${both ? 'each group has' : `${name(groups[0])} has`} 1 customer, and a mean's interval needs at least 2 in each group`;
	}
	const { treatment, holdout } = parts(m);
	return zh
		? `每组内所有客户的数值都相同（干预组 ${treatment}，对照组 ${holdout}），无法估计离散程度`
		: `every customer of each group has the same value (treatment ${treatment}, holdout ${holdout}), so the spread cannot be estimated`;
}

/**
 * Why a mean's result claims no effect (its normality check failed), that the check could not be made
 * (page states written before they kept the sum of cubes), or why nothing can be measured (then reliable,
 * increment and ROI are null); null when the check passed or a rate needs none.
 */
export function cautionSentence(m: OutcomeMeasure, c: SentenceContext): string | null {
	if (m.unmeasurable) {
		const reason = unmeasurableReason(m, c);
		return c.language === 'zh-CN'
			? `无法衡量，因此不给出区间、结论、可靠性、增量和投资回报：${reason}。`
			: `Not measurable, so no interval, verdict, reliability, increment or ROI is given: ${reason}.`;
	}
	const check = m.normality;
	if (!check || check.reliable === true) return null;
	const zh = c.language === 'zh-CN';
	if (check.reliable === null) {
		return zh
			? '无法进行偏度检查：页面状态写于保存立方和之前；若数值偏斜且组规模小，区间可能偏离真实效果。'
			: 'The skewness check could not be made: the page states were written before they kept the sum of cubes; with skewed values and a small group the interval may miss the true effect.';
	}
	const groups = check.skewed.map(({ group, customers, skewness, required }) =>
		zh
			? `${group === 'holdout' ? '对照组' : '干预组'}的分布过于偏斜（偏度 ${fixed(skewness, 1)}），${customers} 人不够，需要至少 ${required} 人`
			: `the ${group}'s values are too skewed (skewness ${fixed(skewness, 1)}) for its ${customers} customers, which asks for at least ${required}`,
	);
	if (zh) {
		const which = groups.length > 0 ? `${groups.join('；')}（` : '数值过于偏斜，组规模不够（';
		return `不宣称效果：${which}Kohavi 经验法则：n > 355 × 偏度²），区间和 p 值可能偏离真实效果。`;
	}
	const which = groups.length > 0 ? `${groups.join(', and ')} by Kohavi's rule (n > 355 × skewness²)` : "the values are too skewed for these group sizes by Kohavi's rule (n > 355 × skewness²)";
	return `No effect is claimed: ${which}, so the interval and p-value may miss the true effect.`;
}

/** One plain sentence on what the campaign did to one outcome, in English or Chinese (with its caution, if any). */
export function upliftSentence(m: OutcomeMeasure, c: SentenceContext): string {
	// Its sentence says why already.
	if (m.unmeasurable) return baseSentence(m, c);
	const caution = cautionSentence(m, c);
	if (m.normality?.reliable === false) return inconclusiveSentence(m, c, caution!);
	const sentence = baseSentence(m, c);
	return caution === null ? sentence : `${sentence}${c.language === 'zh-CN' ? '' : ' '}${caution}`;
}

/** The parts every uplift sentence of a language starts from: who, the stratum prefix, the unit and the interval. */
function frame(m: OutcomeMeasure, c: SentenceContext) {
	const { proportion, diff } = parts(m);
	// As chosen (50 to 99.9, in steps of 0.1 or finer): rounding to whole percent wrote 99.5% as "100%".
	const level = Number((c.level * 100).toFixed(2));
	const interval = () => (c.language === 'zh-CN' ? `${level}% 置信区间 ${diff(m.lower!)} 至 ${diff(m.upper!)}` : `${level}% CI ${diff(m.lower!)} to ${diff(m.upper!)}`);
	if (c.language === 'zh-CN') {
		return { who: c.campaign ? `“${c.campaign}”` : '本次活动', prefix: c.stratum === undefined ? '' : `分层“${c.stratum}”：`, unit: proportion ? '个百分点' : '', interval };
	}
	return { who: c.campaign ? `The ${c.campaign} campaign` : 'The campaign', prefix: c.stratum === undefined ? '' : `Stratum "${c.stratum}": `, unit: proportion ? ' points' : '', interval };
}

/** "No clear effect" and the figures, followed by `tail` (what effect could be detected, or why none is claimed). */
function inconclusiveSentence(m: OutcomeMeasure, c: SentenceContext, tail: string): string {
	const { holdout, treatment, diff } = parts(m);
	const { who, prefix, unit, interval } = frame(m, c);
	if (c.language === 'zh-CN') {
		return `${prefix}${who}对${c.outcomeLabel}没有可确认的效果：对照组 ${holdout}，干预组 ${treatment}（${diff(m.absolute!)}${unit}，${interval()}）。${tail}`;
	}
	return `${prefix}${who} showed no clear effect on ${c.outcomeLabel}: ${holdout} in the holdout, ${treatment} with the campaign (${diff(m.absolute!)}${unit}, ${interval()}). ${tail}`;
}

function baseSentence(m: OutcomeMeasure, c: SentenceContext): string {
	const { holdout, treatment, diff } = parts(m);
	const { who, prefix, unit, interval } = frame(m, c);
	if (c.language === 'zh-CN') {
		if (m.verdict === 'notMeasurable') {
			return `${prefix}${c.outcomeLabel}：数据不足以衡量（干预组 ${m.treatment.customers} 人，对照组 ${m.holdout.customers} 人；${unmeasurableReason(m, c)}）。`;
		}
		if (m.verdict === 'increase' || m.verdict === 'decrease') {
			const verb = m.verdict === 'increase' ? '提升到' : '降低到';
			return `${prefix}${who}使${c.outcomeLabel}从 ${holdout} ${verb} ${treatment}（${diff(m.absolute!)}${unit}，${interval()}）。`;
		}
		const detectable =
			m.minimumDetectableEffect === null
				? sameOutcome(m)
					? '所有客户的结果相同，无法给出可检测的最小效果。'
					: '按目前的组规模，总体比率所容许的任何变化都没有 80% 的把握被检测出来。'
				: `按目前的组规模，只有至少 ${diff(m.minimumDetectableEffect).slice(1)}${unit} 的效果才有 80% 的把握被检测出来。`;
		return inconclusiveSentence(m, c, detectable);
	}
	if (m.verdict === 'notMeasurable') {
		return `${prefix}${c.outcomeLabel} cannot be measured: ${m.treatment.customers} treatment and ${m.holdout.customers} holdout customers (${unmeasurableReason(m, c)}).`;
	}
	if (m.verdict === 'increase' || m.verdict === 'decrease') {
		const verb = m.verdict === 'increase' ? 'raised' : 'lowered';
		return `${prefix}${who} ${verb} ${c.outcomeLabel} from ${holdout} to ${treatment} (${diff(m.absolute!)}${unit}, ${interval()}).`;
	}
	const detectable =
		m.minimumDetectableEffect === null
			? sameOutcome(m)
				? 'Every customer had the same outcome, so no minimum detectable effect can be given.'
				: 'With these group sizes no change the overall rate allows would be detected 80% of the time.'
			: `With these group sizes only an effect of at least ${diff(m.minimumDetectableEffect).slice(1)}${unit} would be detected 80% of the time.`;
	return inconclusiveSentence(m, c, detectable);
}

const OUTCOME_LABELS: LabelTable<string> = LABELS.impactOutcome;

/** "30-day conversion" / "30天转化率"; a user-given name replaces the outcome's own. */
export function outcomeLabel(outcome: string, language: Language, windowDays: number, name?: string): string {
	const base = name?.trim() || OUTCOME_LABELS[outcome]?.[language] || outcome;
	if (!(windowDays > 0)) return base;
	return language === 'zh-CN' ? `${windowDays}天${base}` : `${windowDays}-day ${base}`;
}
