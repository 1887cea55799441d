import type { Language } from '../format/language';

export type { LabelTable, Language } from '../format/language';

/** Notes written into report rows, in the chosen language. */
export function tooFewResponsesNote(responses: number, minimum: number, language: Language): string {
	return language === 'zh-CN'
		? `回复数过少，无法给出有意义的误差范围（${responses} < ${minimum}）`
		: `Too few responses for a meaningful margin of error (${responses} < ${minimum})`;
}
