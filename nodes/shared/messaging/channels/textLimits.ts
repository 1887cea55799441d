import type { ChannelKind } from './registry';

/** A provider's documented limit on a message's text, beyond which it refuses it or cuts it. */
interface TextLimit {
	limit: number;
	unit: 'bytes' | 'characters';
	/** The text's size in the provider's unit. */
	measure: (text: string) => number;
	/** What the limit is on, for the message. */
	of: string;
	/** How the size is counted, for the message. */
	counted: string;
}

/**
 * Channels whose provider refuses a longer text with a permanent error, or cuts it (the loopback servers
 * enforce the same numbers). WeCom: text.content "最长不超过2048个字节，必须是utf8编码", errcode 45002 beyond
 * (developer.work.weixin.qq.com/document/path/91770). Twilio: Body "can be up to 1,600 characters",
 * error 21617 beyond (twilio.com/docs/messaging/api/message-resource); counted in UTF-16 units, as an SMS
 * segment counts an emoji as two. Slack: "Slack will truncate messages containing more than 40,000
 * characters" (api.slack.com/methods/chat.postMessage): accepted, the rest silently lost; counted the same
 * way, which is never fewer than Slack counts.
 */
const TEXT_LIMITS: Partial<Record<ChannelKind, TextLimit>> = {
	wecom: { limit: 2048, unit: 'bytes', measure: (text) => Buffer.byteLength(text, 'utf8'), of: "the WeCom robot's limit for a text message", counted: 'in UTF-8' },
	twilioSms: { limit: 1600, unit: 'characters', measure: (text) => text.length, of: "Twilio's limit for an SMS body", counted: 'counting an emoji as two' },
	slack: { limit: 40_000, unit: 'characters', measure: (text) => text.length, of: "Slack's limit for a message text", counted: 'counting an emoji as two' },
};

/** Why a channel's provider would refuse this text for its length, as a problem and what was expected; undefined if it fits. */
export function textOverLimit(channel: ChannelKind, text: string): { problem: string; expected: string } | undefined {
	const rule = TEXT_LIMITS[channel];
	if (!rule) return undefined;
	const size = rule.measure(text);
	if (size <= rule.limit) return undefined;
	return {
		problem: `is ${size} ${rule.unit}, over ${rule.of} of ${rule.limit} ${rule.unit}`,
		expected: `a message of at most ${rule.limit} ${rule.unit} ${rule.counted}: shorten the template or the values it fills in`,
	};
}
