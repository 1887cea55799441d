import type { Language } from '../../format/language';

/** The opt-out instruction carriers and regulators expect in marketing SMS, per language. */
export const SMS_OPT_OUT_TEXT: Record<Language, string> = {
	'zh-CN': '拒收请回复R',
	en: 'Reply STOP to opt out',
};

export interface SmsComplianceOptions {
	locale: Language;
	/** The sender's signature; written at the start in 【】. Empty: no signature. */
	signature?: string;
	/** Append the opt-out instruction. */
	optOut: boolean;
}

const SENTENCE_END = /[。！？.!?…]$/;
const SENTENCE_ENDS = /[。！？.!?…\s]+$/;

/**
 * Marketing SMS as the rules want it: `【Signature】text 拒收请回复R`. Idempotent: a text that already
 * starts with this 【signature】 or already ends with the opt-out instruction is not marked twice. Any
 * other 【…】 at the start (a customer's name such as "【Other Bank】" in the first placeholder) is not
 * the sender's: carriers read the first 【】 as the signature, so ours goes before it.
 */
export function applySmsCompliance(text: string, options: SmsComplianceOptions): string {
	let out = text.trim();
	const signature = (options.signature ?? '').trim().replace(/^【|】$/g, '');
	if (signature !== '' && !out.startsWith(`【${signature}】`)) out = `【${signature}】${out}`;
	const optOut = SMS_OPT_OUT_TEXT[options.locale];
	// Written by the template's author, the instruction may end a sentence: "… Reply STOP to opt out."
	if (options.optOut && !out.replace(SENTENCE_ENDS, '').endsWith(optOut)) {
		const chinese = options.locale === 'zh-CN';
		if (!SENTENCE_END.test(out)) out += chinese ? '。' : '.';
		out += chinese ? optOut : ` ${optOut}`;
	}
	return out;
}
