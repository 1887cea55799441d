import type { PeriodKpis } from './kpi';
import type { NpsPeriod } from './npsTrend';
import { countOf as count } from '../format/counts';
import { fixed, signed, type Language } from './sentences';

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const points = (x: number | null | undefined, unit: string, [open, close] = [' (', ')']) =>
	x === null || x === undefined ? '' : `${open}${signed(x * 100, 1)}${unit}${close}`;

/** One line on a month's KPIs, e.g. "2026-02: 812 buyers (95 new), retention 34.2% (−1.3 points), …". */
export function periodSentence(p: PeriodKpis, language: Language): string {
	const aov = p.averageOrderValue === null ? '—' : fixed(p.averageOrderValue, 2);
	const retentionChange = p.change?.retentionRate;
	if (language === 'zh-CN') {
		return `${p.period}：购买客户 ${p.activeCustomers} 人（新客 ${p.newCustomers} 人），订单 ${p.orders} 笔，收入 ${fixed(p.revenue, 2)}，客单价 ${aov}；复购客户占比 ${pct(p.repeatPurchaseRate)}，留存率 ${pct(p.retentionRate)}${points(retentionChange, ' 个百分点', ['（', '）'])}，流失率 ${pct(p.churnRate)}。`;
	}
	return `${p.period}: ${count(p.activeCustomers, 'buyer')} (${p.newCustomers} new), ${count(p.orders, 'order')}, revenue ${fixed(p.revenue, 2)}, average order ${aov}; repeat buyers ${pct(p.repeatPurchaseRate)}, retention ${pct(p.retentionRate)}${points(retentionChange, ' points')}, churn ${pct(p.churnRate)}.`;
}

export function npsSentence(p: NpsPeriod, language: Language): string {
	const nps = p.nps === null ? '—' : fixed(p.nps, 1);
	const change = p.change === null ? '' : ` (${signed(p.change, 1)})`;
	return language === 'zh-CN'
		? `${p.period}：NPS ${nps}${change}，共 ${p.responses} 份回答。`
		: `${p.period}: NPS ${nps}${change} from ${count(p.responses, 'answer')}.`;
}
