import LABELS from '../../nodes/shared/format/labels.json';
import { LANGUAGES } from '../../nodes/shared/format/language';
import { FESTIVAL_KEYS, FESTIVAL_LABELS } from '../../nodes/shared/calendar';
import { KANO_CATEGORIES, KANO_LABELS, NPS_LABELS, GAP_LABELS } from '../../nodes/shared/satisfaction';
import { RISK_LEVELS } from '../../nodes/shared/churn/risk';
import { CHANNEL_LABELS, CHANNELS, OCCASION_LABELS, PRIORITIES, PRIORITY_LABELS, STATUS_LABELS } from '../../nodes/shared/revisit/labels';
import { RFM_SEGMENT_LABELS, TIER_LABELS } from '../../nodes/shared/segments';
import { SKIP_REASON_LABELS } from '../../nodes/shared/messaging/policy';

type Catalogue = Record<string, Record<string, Record<string, unknown>>>;

/** Every place where the catalogue lacks a language of LANGUAGES, has one beyond them, or has an empty text. */
function catalogueProblems(catalogue: Catalogue): string[] {
	const problems: string[] = [];
	for (const [table, entries] of Object.entries(catalogue)) {
		for (const [key, texts] of Object.entries(entries)) {
			for (const language of LANGUAGES) {
				const text = texts[language];
				if (typeof text !== 'string' || text.trim() === '') problems.push(`${table}.${key}: no ${language} text`);
			}
			for (const language of Object.keys(texts)) {
				if (!(LANGUAGES as readonly string[]).includes(language)) problems.push(`${table}.${key}: ${language} is not a label language`);
			}
		}
	}
	return problems;
}

describe('the label catalogue (nodes/shared/format/labels.json)', () => {
	it('has a non-empty text in every label language for every entry of every table', () => {
		expect(Object.keys(LABELS).length).toBeGreaterThan(0);
		expect(catalogueProblems(LABELS)).toEqual([]);
	});

	it('is checked strictly enough that a removed or emptied zh-CN text is found', () => {
		const withoutOne = JSON.parse(JSON.stringify(LABELS)) as Catalogue;
		delete withoutOne.kanoCategory.mustBe['zh-CN'];
		withoutOne.festival.christmas['zh-CN'] = ' ';
		withoutOne.skipReason.capped.ja = '上限';
		expect(catalogueProblems(withoutOne)).toEqual([
			'kanoCategory.mustBe: no zh-CN text',
			'skipReason.capped: ja is not a label language',
			'festival.christmas: no zh-CN text',
		]);
	});

	it('is what the domain modules label with', () => {
		expect(RFM_SEGMENT_LABELS).toBe(LABELS.rfmSegment);
		expect(TIER_LABELS).toBe(LABELS.valueTier);
		expect(KANO_LABELS).toBe(LABELS.kanoCategory);
		expect(NPS_LABELS).toBe(LABELS.npsCategory);
		expect(GAP_LABELS).toBe(LABELS.gapLevel);
		expect(PRIORITY_LABELS).toBe(LABELS.revisitPriority);
		expect(CHANNEL_LABELS).toBe(LABELS.revisitChannel);
		expect(STATUS_LABELS).toBe(LABELS.revisitStatus);
		expect(OCCASION_LABELS).toBe(LABELS.occasion);
		expect(SKIP_REASON_LABELS).toBe(LABELS.skipReason);
		expect(FESTIVAL_LABELS).toBe(LABELS.festival);
	});

	// The type check sees a missing key; a key no code asks for (a typo beside the right one) only this sees.
	it('holds exactly the keys of the key lists the code has', () => {
		const keys = (table: object) => Object.keys(table).sort();
		expect(keys(LABELS.kanoCategory)).toEqual([...KANO_CATEGORIES].sort());
		expect(keys(LABELS.riskLevel)).toEqual([...RISK_LEVELS].sort());
		expect(keys(LABELS.revisitPriority)).toEqual([...PRIORITIES].sort());
		expect(keys(LABELS.revisitChannel)).toEqual([...CHANNELS].sort());
		expect(keys(LABELS.festival)).toEqual([...FESTIVAL_KEYS].sort());
	});
});
