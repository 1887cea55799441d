import { compactPhone, isDecimalExport } from './phoneText';
import type { ChannelKind } from './registry';

/**
 * A mainland China mobile number written with its country code (+86, 0086 or 86): the 11 digits after it
 * are the number. DingTalk's atMobiles and WeCom's mentioned_mobile_list match the member's registered
 * mobile exactly, and a mainland member is registered by those 11 digits, so "+8613800138000" would
 * mention nobody.
 */
const MAINLAND_MOBILE_WITH_COUNTRY_CODE = /^(?:\+86|0086|86)(1[3-9]\d{9})$/;

/**
 * Robots can @-mention a group member by mobile number, read as the phone channels read one (see
 * phoneText.ts); anything else in `to` (an email, a name) is not mentioned. A mainland mobile is
 * mentioned by its 11 digits, whatever country code, spaces or full-width forms it was written with;
 * another number is passed on compact, as written (Send Care Message refuses it first: see
 * unmentionableNumber). A decimal export is refused before it gets here too; a caller that does not
 * refuse it is still not given an extra digit.
 */
export function mentionableMobile(to: string): string | undefined {
	if (isDecimalExport(to)) return undefined;
	const compact = compactPhone(to);
	if (!/^\+?\d{5,15}$/.test(compact)) return undefined;
	return MAINLAND_MOBILE_WITH_COUNTRY_CODE.exec(compact)?.[1] ?? compact;
}

const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/**
 * Why a robot would post a number in `to` without mentioning anyone: undefined when it mentions it, or when
 * `to` is no number (a name mentions nobody, as documented). DingTalk (at.atMobiles) and WeCom
 * (mentioned_mobile_list) match a member's registered mobile exactly. DingTalk registers another
 * country's number as its national digits with the country code apart (its contacts API's mobile and
 * stateCode), documents no form for mentioning one, and users report that none works (with or without
 * the country code, "+39-…" included); WeCom documents none either. So only a mainland mobile is
 * mentioned; any other number, a landline or another country's mobile, would be posted with a mention
 * that reaches nobody, which the member never sees. Feishu's custom bot mentions by user ID only
 * (<at user_id="ou_…">), never by mobile number.
 */
export function unmentionableNumber(channel: ChannelKind, to: string): { problem: string; expected: string } | undefined {
	const mobile = mentionableMobile(to);
	if (mobile === undefined) return undefined;
	if (channel === 'dingtalk' || channel === 'wecom') {
		if (MAINLAND_MOBILE.test(mobile)) return undefined;
		const robot = channel === 'dingtalk' ? 'a DingTalk robot' : 'a WeCom robot';
		return {
			problem: `is not a mainland China mobile number, the only number ${robot} can @-mention (it matches the member's registered mobile, and documents no form for another country's)`,
			expected: 'a mainland China mobile such as 13800138000 or +86 138 0013 8000, or no recipient to post without a mention',
		};
	}
	if (channel === 'feishu') {
		return {
			problem: 'is a phone number, and a Feishu custom bot cannot @-mention by phone number (it mentions by user ID only)',
			expected: 'no recipient; to mention someone, write <at user_id="ou_…">name</at> with their open_id in the text',
		};
	}
	return undefined;
}
