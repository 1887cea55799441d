import { compactPhone, isDecimalExport } from './phoneText';

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
 * another country's number is passed on compact, as written. Send Care Message refuses a decimal export
 * before it gets here; a caller that does not is still not given an extra digit.
 */
export function mentionableMobile(to: string): string | undefined {
	if (isDecimalExport(to)) return undefined;
	const compact = compactPhone(to);
	if (!/^\+?\d{5,15}$/.test(compact)) return undefined;
	return MAINLAND_MOBILE_WITH_COUNTRY_CODE.exec(compact)?.[1] ?? compact;
}
