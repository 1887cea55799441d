/**
 * Whose mobile a group robot's mention reaches. DingTalk (at.atMobiles) and WeCom (mentioned_mobile_list)
 * @-mention the member whose registered mobile equals the entry exactly; any other entry mentions nobody
 * and the message is still posted. A mainland China member is registered by 11 digits, so "+8613800138000"
 * mentions nobody.
 */
export type MemberMobiles = (entry: string) => boolean;

/**
 * Any mainland mobile by its 11 digits; never +86 / 0086 / 86 forms. Another country's member is registered
 * by national digits with the country code apart, and no form of their number in a mention reaches them.
 */
const REGISTERED_FORM = /^1[3-9]\d{9}$/;

/** The group's members: those listed, or by default anyone whose mobile is written as the provider registers it. */
export function memberMobiles(members?: readonly string[]): MemberMobiles {
	if (members) {
		const listed = new Set(members);
		return (entry) => listed.has(entry);
	}
	return (entry) => REGISTERED_FORM.test(entry);
}
