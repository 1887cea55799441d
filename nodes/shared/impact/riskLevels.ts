import LABELS from '../format/labels.json';
import type { LabelTable } from '../format/language';
import { choiceTable, lookupChoice } from '../input/choices';
import { ConfigError, describeValue, InputError } from '../input/errors';
import { isEmpty } from '../input/fields';

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

const LEVEL_LABELS: LabelTable<RiskLevel> = LABELS.riskLevel;

/**
 * Every way Detect Churn Risk writes a risk level: its key (riskLevel: "high") and its label in every
 * language (riskLabel: "High", "高"), so either column of its output can be mapped; looked up by the rule
 * of choices.ts (any case or width).
 */
const LEVELS = choiceTable(
	(Object.entries(LEVEL_LABELS) as Array<[RiskLevel, Record<string, string>]>).flatMap(([level, labels]) => [level, ...Object.values(labels)].map((text) => [text, level] as const)),
);

const ACCEPTED = `${Object.keys(LEVEL_LABELS).join(', ')}, or their labels ${[...new Set(Object.values(LEVEL_LABELS).flatMap((labels) => Object.values(labels)))].join(', ')}, as Detect Churn Risk writes them`;

const levelOf = (value: unknown): RiskLevel | undefined => lookupChoice(LEVELS, value);

/**
 * The risk level of an item, whatever the case or width. Any other value is the item's error: read as
 * written, a level no at-risk level matched (an unknown "severe", a number, a list) counted the customer as
 * not at risk without a word.
 */
export function parseRiskLevel(value: unknown, field: string): RiskLevel {
	const level = levelOf(value);
	if (level === undefined) throw new InputError(field, value, isEmpty(value) ? 'is empty' : 'is not a risk level', ACCEPTED);
	return level;
}

/**
 * The levels an At-Risk Levels parameter names. A name that is no level, or none at all, stops the run: a
 * typo ("crtical") left its customers out of the at-risk count without a word.
 */
export function riskLevelsOf(names: string[], label: string): Set<RiskLevel> {
	// Cleared, the list counted nobody at risk: an at-risk share of 0 that reads like good news.
	if (names.length === 0) throw new ConfigError(`"${label}" is empty: name the levels counted as at risk (expected some of ${ACCEPTED})`);
	const levels = new Set<RiskLevel>();
	for (const name of names) {
		const level = levelOf(name);
		if (level === undefined) throw new ConfigError(`"${label}" names ${describeValue(name)}, which is not a risk level (expected ${ACCEPTED})`);
		levels.add(level);
	}
	return levels;
}
