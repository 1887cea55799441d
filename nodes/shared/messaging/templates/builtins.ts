import type { Language } from '../../format/language';

/**
 * Why a message is sent, which decides the rules it must follow: marketing needs opt-in consent and
 * the SMS opt-out text; service messages follow up on something the customer did; staff messages go
 * to colleagues, not customers.
 */
export type CarePurpose = 'marketing' | 'service' | 'staff';

export interface TemplateContent {
	subject: string;
	/** Plain text, also the source of the HTML part when `html` is absent. */
	text: string;
	/** HTML for email; placeholders inside it are HTML-escaped. */
	html?: string;
}

export type BuiltinTemplateKey = 'birthday' | 'holiday' | 'postPurchase' | 'winBack' | 'apology' | 'revisitReminder';

export interface BuiltinTemplate {
	key: BuiltinTemplateKey;
	label: Record<Language, string>;
	purpose: CarePurpose;
	content: Record<Language, TemplateContent>;
}

/**
 * The care messages businesses send most. Placeholders read the item's fields (`name`, `productName`,
 * `offer`, `holidayName`, `revisit.*` as Schedule Revisit writes them) and `brand` from the node's Brand
 * Name; a placeholder with a default (`{{name|尊敬的客户}}`) never blocks a message.
 */
export const BUILTIN_TEMPLATES: Record<BuiltinTemplateKey, BuiltinTemplate> = {
	birthday: {
		key: 'birthday',
		label: { en: 'Birthday greeting', 'zh-CN': '生日祝福' },
		purpose: 'marketing',
		content: {
			en: {
				subject: 'Happy birthday from {{brand}}',
				text: 'Dear {{name|valued customer}}, everyone at {{brand}} wishes you a very happy birthday and a wonderful year ahead.',
			},
			'zh-CN': {
				subject: '{{brand}}祝您生日快乐',
				text: '亲爱的{{name|尊敬的客户}}，{{brand}}祝您生日快乐！愿新的一岁平安喜乐、万事顺意。',
			},
		},
	},
	holiday: {
		key: 'holiday',
		label: { en: 'Holiday greeting', 'zh-CN': '节日问候' },
		purpose: 'marketing',
		content: {
			en: {
				subject: "Season's greetings from {{brand}}",
				text: "Dear {{name|valued customer}}, season's greetings from {{brand}}! We wish you and your family a joyful {{holidayName|holiday season}}.",
			},
			'zh-CN': {
				subject: '{{brand}}祝您{{holidayName|节日}}快乐',
				text: '亲爱的{{name|尊敬的客户}}，{{brand}}祝您{{holidayName|节日}}快乐，阖家幸福、万事如意！',
			},
		},
	},
	postPurchase: {
		key: 'postPurchase',
		label: { en: 'Post-purchase follow-up', 'zh-CN': '购后回访' },
		purpose: 'service',
		content: {
			en: {
				subject: 'How is your {{productName|purchase}}?',
				text: 'Hi {{name|there}}, thank you for your purchase of {{productName|our product}}. If anything is not as you expected, just reply to this message: {{brand}} is happy to help.',
			},
			'zh-CN': {
				subject: '您的{{productName|商品}}使用得还好吗？',
				text: '{{name|尊敬的客户}}您好，感谢您购买{{productName|我们的产品}}。使用中如有任何问题，欢迎随时联系我们，{{brand}}竭诚为您服务。',
			},
		},
	},
	winBack: {
		key: 'winBack',
		label: { en: 'Win-back', 'zh-CN': '老客召回' },
		purpose: 'marketing',
		content: {
			en: {
				subject: 'We miss you at {{brand}}',
				text: 'We miss you, {{name|valued customer}}! To welcome you back to {{brand}}, we have {{offer|a special offer}} waiting for you.',
			},
			'zh-CN': {
				subject: '{{brand}}想念您',
				text: '好久不见，{{name|尊敬的客户}}！{{brand}}为您准备了专属回归礼遇：{{offer|会员专享优惠}}，期待您再次光临。',
			},
		},
	},
	apology: {
		key: 'apology',
		label: { en: 'Apology after a poor survey', 'zh-CN': '差评致歉' },
		purpose: 'service',
		content: {
			en: {
				subject: 'We are sorry, {{name|valued customer}}',
				text: 'Dear {{name|valued customer}}, we are sorry that your recent experience with {{brand}} fell short. We have read your feedback, and {{ownerName|a member of our team}} will contact you shortly to put it right.',
			},
			'zh-CN': {
				subject: '{{brand}}向您致歉',
				text: '{{name|尊敬的客户}}您好，非常抱歉您最近一次的体验未能让您满意。我们已认真阅读您的反馈，{{ownerName|专属客服}}将尽快与您联系。{{brand}}',
			},
		},
	},
	revisitReminder: {
		key: 'revisitReminder',
		label: { en: 'Revisit reminder to the owner', 'zh-CN': '回访提醒（发给负责人）' },
		purpose: 'staff',
		content: {
			en: {
				subject: 'Revisit {{name}} by {{revisit.dueAt}}',
				text: 'Hi {{revisit.owner|there}}, please revisit {{name}} ({{customerId}}) by {{revisit.dueAt}}. Reason: {{revisit.reason|routine follow-up}}.',
			},
			'zh-CN': {
				subject: '回访提醒：{{name}}',
				text: '{{revisit.owner|同事}}您好，请于{{revisit.dueAt}}前回访客户{{name}}（{{customerId}}）。原因：{{revisit.reason|例行回访}}。',
			},
		},
	},
};

export const BUILTIN_TEMPLATE_KEYS = Object.keys(BUILTIN_TEMPLATES) as BuiltinTemplateKey[];
