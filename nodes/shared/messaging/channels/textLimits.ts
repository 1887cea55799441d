import { dingTalkBody } from './dingtalk';
import { feishuBody } from './feishu';
import type { ChannelKind } from './registry';

/** A provider's documented limit on a message's text, beyond which it refuses it or cuts it. */
interface TextLimit {
	limit: number;
	unit: 'bytes' | 'characters';
	/** The text's size in the provider's unit; `to` is the recipient, which a robot's body may carry as a mention. */
	measure: (text: string, to: string) => number;
	/** What is measured, for the message: the text itself, or the request that carries it. */
	measured?: string;
	/** What the limit is on, for the message. */
	of: string;
	/** How the size is counted, for the message. */
	counted: string;
}

/**
 * Feishu's custom bot: "发送消息时，请求体的数据大小不能超过 20 KB" (the request body may not exceed 20 KB),
 * 9499 Bad Request beyond (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot). The limit is on the
 * JSON body, so a quote or line break counts as its escape (2 bytes) and a control character as 6; the
 * signature fields are counted as when the bot is signed (79 bytes more than unsigned). 20 KB is
 * read as 20,000 bytes, the smaller reading: a text refused here can be shortened, one refused by Feishu
 * has already been claimed.
 */
const FEISHU_SIGNED = { timestampSeconds: 9_999_999_999, secret: '' };
const feishuRequestBytes = (text: string) =>
	Buffer.byteLength(JSON.stringify(feishuBody({ to: '', text, idempotencyKey: '' }, FEISHU_SIGNED)), 'utf8');

/**
 * DingTalk's custom robot refuses a request body over 20,000 bytes with errcode 460101 "message too long,
 * exceed 20000 bytes" (its error table: "body 大小不合法 … 请保持大小在 20000bytes 以内"). The body is
 * measured as posted, with the @-mention of a mobile number in `to` (at.atMobiles and the " @mobile" the
 * text then ends with); the signature travels in the query string, not in the body.
 */
const dingTalkRequestBytes = (text: string, to: string) =>
	Buffer.byteLength(JSON.stringify(dingTalkBody({ to, text, idempotencyKey: '' })), 'utf8');

/**
 * Channels whose provider refuses a longer text with a permanent error, or cuts it (the loopback servers
 * enforce the same numbers). WeCom: text.content "最长不超过2048个字节，必须是utf8编码", errcode 45002 beyond
 * (developer.work.weixin.qq.com/document/path/91770). Twilio: Body "can be up to 1,600 characters",
 * error 21617 beyond (twilio.com/docs/messaging/api/message-resource); counted in UTF-16 units, as an SMS
 * segment counts an emoji as two. Slack: "Slack will truncate messages containing more than 40,000
 * characters" (api.slack.com/methods/chat.postMessage): accepted, the rest silently lost; counted the same
 * way, which is never fewer than Slack counts. Aliyun SMS limits each template variable instead (see
 * templateParamLimits.ts).
 */
const TEXT_LIMITS: Partial<Record<ChannelKind, TextLimit>> = {
	wecom: { limit: 2048, unit: 'bytes', measure: (text) => Buffer.byteLength(text, 'utf8'), of: "the WeCom robot's limit for a text message", counted: 'in UTF-8' },
	twilioSms: { limit: 1600, unit: 'characters', measure: (text) => text.length, of: "Twilio's limit for an SMS body", counted: 'counting an emoji as two' },
	feishu: {
		limit: 20_000,
		unit: 'bytes',
		measure: feishuRequestBytes,
		measured: 'makes a request body of',
		of: "Feishu's limit for a custom bot's request body",
		counted: 'in UTF-8, the text as JSON with its escapes plus 120 bytes of message type and signature fields',
	},
	dingtalk: {
		limit: 20_000,
		unit: 'bytes',
		measure: dingTalkRequestBytes,
		measured: 'makes a request body of',
		of: "DingTalk's limit for a robot's request body",
		counted: 'in UTF-8, the text as JSON with its escapes plus its message type and any @-mention',
	},
	slack: { limit: 40_000, unit: 'characters', measure: (text) => text.length, of: "Slack's limit for a message text", counted: 'counting an emoji as two' },
};

/** Why a channel's provider would refuse this text for its length, as a problem and what was expected; undefined if it fits. */
export function textOverLimit(channel: ChannelKind, text: string, to = ''): { problem: string; expected: string } | undefined {
	const rule = TEXT_LIMITS[channel];
	if (!rule) return undefined;
	const size = rule.measure(text, to);
	if (size <= rule.limit) return undefined;
	return {
		problem: `${rule.measured ?? 'is'} ${size} ${rule.unit}, over ${rule.of} of ${rule.limit} ${rule.unit}`,
		expected: `${rule.measured ? 'a request body' : 'a message'} of at most ${rule.limit} ${rule.unit} ${rule.counted}: shorten the template or the values it fills in`,
	};
}
