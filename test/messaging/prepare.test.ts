import { InputError } from '../../nodes/shared/input';
import { keyPeriods } from '../../nodes/shared/messaging/perZone';
import { prepareCareItem, type PrepareConfig } from '../../nodes/shared/messaging/sending';
import { compileBuiltinTemplate, compileCustomTemplate, parseTemplate } from '../../nodes/shared/messaging/templates';

const asOf = new Date('2026-03-08T04:00:00Z');
const base: PrepareConfig = {
	channel: 'smtp',
	template: compileBuiltinTemplate('birthday'),
	careType: 'birthday',
	language: 'zh-CN',
	extras: { brand: '星河银行' },
	recipientField: 'email',
	customerIdField: 'customerId',
	consent: { mode: 'optIn', field: 'consent', meaning: 'consent' },
	timeZoneField: 'timeZone',
	defaultTimeZone: 'Asia/Shanghai',
	keyPeriodIn: keyPeriods(asOf, 'year'),
};

describe('prepareCareItem', () => {
	it('renders the email, builds the key in the recipient zone and keeps the candidate facts', () => {
		const prepared = prepareCareItem({ customerId: 17, name: '王芳', email: ' wang@example.cn ', consent: '同意' }, base);
		expect(prepared).toEqual({
			kind: 'candidate',
			locale: 'zh-CN',
			candidate: {
				customerId: '17',
				careType: 'birthday',
				key: '17:birthday:smtp:2026',
				timeZone: 'Asia/Shanghai',
				message: {
					to: 'wang@example.cn',
					subject: '星河银行祝您生日快乐',
					text: '亲爱的王芳，星河银行祝您生日快乐！愿新的一岁平安喜乐、万事顺意。',
					html: '<p>亲爱的王芳，星河银行祝您生日快乐！愿新的一岁平安喜乐、万事顺意。</p>',
					idempotencyKey: '17:birthday:smtp:2026',
				},
			},
		});
	});

	it('returns "no consent" without reading the rest (a customer we will not contact cannot fail)', () => {
		expect(prepareCareItem({ customerId: 'C1', consent: 'no', email: 'not an address' }, base)).toEqual({
			kind: 'noConsent',
			detail: '"consent" records that the customer opted out',
			customerId: 'C1',
			locale: 'zh-CN',
		});
	});

	it('names the field of an unusable recipient, customer ID, zone or language', () => {
		const ok = { customerId: 'C1', consent: true, email: 'a@b.cn' };
		expect(() => prepareCareItem({ ...ok, email: 'a@b' }, base)).toThrow(
			'field "email" is "a@b", which is not an email address (expected an address like name@example.com)',
		);
		expect(() => prepareCareItem({ ...ok, customerId: ' ' }, base)).toThrow(/^field "customerId" is " ", which is empty \(expected a customer ID \(text or number\)\)/);
		expect(() => prepareCareItem({ ...ok, timeZone: 'China' }, base)).toThrow(/^field "timeZone" is "China", which is not a time zone/);
		expect(() => prepareCareItem({ ...ok, lang: 'fr' }, { ...base, languageField: 'lang' })).toThrow(InputError);
		// A BigInt (a database's 64-bit integer) is shown as its digits, as describeValue writes one, not as quoted text.
		expect(() => prepareCareItem({ ...ok, email: 12345678901234567890n }, base)).toThrow(
			'field "email" is 12345678901234567890, which is not an email address (expected an address like name@example.com)',
		);
		expect(() => prepareCareItem({ ...ok, phone: 1234n }, { ...base, channel: 'twilioSms', recipientField: 'phone' })).toThrow(
			'field "phone" is 1234, which is not a phone number',
		);
	});

	it('SMS: normalises the phone number, signs and adds the opt-out text, no subject or HTML', () => {
		const prepared = prepareCareItem(
			{ customerId: 'C2', phone: '+86 138-0013-8000', consent: 'yes', name: '李雷', lang: 'en-US' },
			{
				...base,
				channel: 'twilioSms',
				recipientField: 'phone',
				languageField: 'lang',
				extras: { brand: 'Star Bank' },
				smsCompliance: { signature: 'Star Bank', optOut: true },
			},
		);
		if (prepared.kind !== 'candidate') throw new Error('expected a candidate');
		expect(prepared.locale).toBe('en');
		expect(prepared.candidate.message).toEqual({
			to: '+8613800138000',
			text: '【Star Bank】Dear 李雷, everyone at Star Bank wishes you a very happy birthday and a wonderful year ahead. Reply STOP to opt out',
			idempotencyKey: 'C2:birthday:twilioSms:2026',
		});
		expect(() => prepareCareItem({ customerId: 'C2', phone: '12', consent: 'yes' }, { ...base, channel: 'twilioSms', recipientField: 'phone' })).toThrow(
			/is not a phone number/,
		);
	});

	it('Aliyun: passes the template code and parameters', () => {
		const prepared = prepareCareItem(
			{ customerId: 'C3', phone: '13800138000', consent: 1, name: '韩梅梅' },
			{ ...base, channel: 'aliyunSms', recipientField: 'phone', smsTemplateCode: 'SMS_100' },
		);
		if (prepared.kind !== 'candidate') throw new Error('expected a candidate');
		expect(prepared.candidate.message).toMatchObject({ templateCode: 'SMS_100', templateParams: { name: '韩梅梅', brand: '星河银行' } });
	});

	it('staff robot: no recipient needed, the subject becomes the title', () => {
		const prepared = prepareCareItem(
			{ customerId: 'C4', name: 'Zhou', revisit: { dueAt: '2026-03-10T10:00:00+08:00', owner: 'Li' } },
			{
				...base,
				channel: 'wecom',
				template: compileBuiltinTemplate('revisitReminder'),
				careType: 'revisitReminder',
				recipientField: undefined,
				consent: { mode: 'ignore', field: 'consent', meaning: 'consent' },
				keyPeriodIn: keyPeriods(asOf, 'day'),
				language: 'en',
			},
		);
		if (prepared.kind !== 'candidate') throw new Error('expected a candidate');
		expect(prepared.candidate.message).toEqual({
			to: '',
			subject: 'Revisit Zhou by 2026-03-10T10:00:00+08:00',
			title: 'Revisit Zhou by 2026-03-10T10:00:00+08:00',
			text: 'Hi Li, please revisit Zhou (C4) by 2026-03-10T10:00:00+08:00. Reason: routine follow-up.',
			idempotencyKey: 'C4:revisitReminder:wecom:2026-03-08',
		});
	});

	it('uses a custom key from built-in names first, then item fields; a missing field is an item error', () => {
		const config = {
			...base,
			template: compileCustomTemplate({ subject: 's', text: 'Sorry {{name|}}' }, 'service'),
			keyTemplate: parseTemplate('{{customerId}}:apology:{{surveyId}}:{{channel}}'),
		};
		const prepared = prepareCareItem({ customerId: 'C5', channel: 'wechat', surveyId: 'S-9', email: 'x@y.cn', consent: true }, config);
		if (prepared.kind !== 'candidate') throw new Error('expected a candidate');
		expect(prepared.candidate.key).toBe('C5:apology:S-9:smtp');
		expect(() => prepareCareItem({ customerId: 'C5', email: 'x@y.cn', consent: true }, config)).toThrow(/field "surveyId" is missing/);
	});

	it('counts contacts from the last-contacted field for the cap', () => {
		const prepared = prepareCareItem(
			{ customerId: 'C6', email: 'x@y.cn', consent: true, contacts: ['2026-03-07', '2026-02-01'] },
			{ ...base, capField: { field: 'contacts', since: () => new Date('2026-03-01T04:00:00Z') } },
		);
		if (prepared.kind !== 'candidate') throw new Error('expected a candidate');
		expect(prepared.candidate.fieldContacts).toBe(1);
	});
});
