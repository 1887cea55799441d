import type { Language } from '../format/language';

export type { LabelTable, Language } from '../format/language';

/** Notes written into report rows, in the chosen language. */
export function tooFewResponsesNote(responses: number, minimum: number, language: Language): string {
	return language === 'zh-CN'
		? `回复数过少，无法给出有意义的误差范围（${responses} < ${minimum}）`
		: `Too few responses for a meaningful margin of error (${responses} < ${minimum})`;
}

/** Why a mean has no margin though it has enough answers: all alike (or one), so their spread cannot be estimated. */
export function noSpreadNote(responses: number, mean: number, language: Language): string {
	if (responses === 1) return language === 'zh-CN' ? '只有一份回答，无法估计离散程度，因此没有误差范围' : 'One answer has no spread to estimate a margin of error from';
	return language === 'zh-CN'
		? `全部 ${responses} 份回答都是 ${mean}，无法估计离散程度，因此没有误差范围`
		: `All ${responses} answers are ${mean}: with no spread among them a margin of error cannot be estimated`;
}
