import type { IDataObject } from 'n8n-workflow';
import { startAliyunSmsServer, startTwilioServer, startWebhookServer, type ProviderServer } from '../helpers/providers';
import { runCare } from './helpers/run';

// README "Send Care Message": what a user reading it may rely on, through n8n's engine.
describe('Send Care Message, consent as the README describes it', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterEach(() => server.reset());
	afterAll(() => server.close());

	const customer = (value: unknown, i: number): IDataObject => ({ customerId: `C${i}`, name: 'Ann', orderId: 'O-1', timeZone: 'Asia/Shanghai', consentValue: value as IDataObject[string] });
	const YES: unknown[] = [true, 'true', 1, '1', 'yes', 'Y', 'opted_in', 'subscribed', 'granted', '同意', '是', '已授权'];
	const NO: unknown[] = [false, 'false', 0, '0', 'no', 'n', 'opted_out', 'unsubscribed', 'denied', 'withdrawn', '不同意', '拒绝', '否', '未授权', '退订'];

	async function decisions(values: unknown[], consentFieldMeaning: 'consent' | 'optedOut') {
		const run = await runCare(server, values.map(customer), { purpose: 'marketing', consentField: 'consentValue', consentFieldMeaning, frequencyCap: 'off', dryRun: true });
		expect(run.result.error).toBeUndefined();
		expect(run.failed).toEqual([]);
		expect(run.skipped).toHaveLength(values.length);
		return values.map((_, i) => ((run.skipped.find((item) => item.customerId === `C${i}`)!.care as IDataObject).reason === 'dryRun' ? 'send' : 'noConsent'));
	}

	it('reads each listed value of a consent field: Require Opt-In sends on a recorded yes only', async () => {
		expect(await decisions([...YES, ...NO, ''], 'consent')).toEqual([...YES.map(() => 'send'), ...NO.map(() => 'noConsent'), 'noConsent']);
	});

	// "Consent Field Records: Opt-Out" turned every value round: a customer recorded as unsubscribed, opted_out,
	// withdrawn or 退订 was read as having consented and got marketing; one recorded as subscribed did not.
	it('reads an opt-out field\'s yes/no the other way round, but a value that names the status as it says', async () => {
		const answers: unknown[] = [true, 'true', 'yes', '是', false, 'false', 'no', '否'];
		const statuses: unknown[] = ['opted_in', 'subscribed', 'granted', '已授权', 'opted_out', 'unsubscribed', 'withdrawn', 'denied', '拒绝', '未授权', '退订', 'STOP'];
		expect(await decisions([...answers, ...statuses], 'optedOut')).toEqual([
			...['noConsent', 'noConsent', 'noConsent', 'noConsent', 'send', 'send', 'send', 'send'],
			...['send', 'send', 'send', 'send'],
			...['noConsent', 'noConsent', 'noConsent', 'noConsent', 'noConsent', 'noConsent', 'noConsent', 'noConsent'],
		]);
		expect(server.requests).toHaveLength(0);
	});
});

describe('Send Care Message, the phone field', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startTwilioServer();
	});
	afterAll(() => server.close());

	// "Phone numbers lose spaces and dashes": dots and brackets went too, so a number a spreadsheet exported as
	// 13800138000.0 was sent to 138001380000, and +44 (0)20 7946 0958 to +4402079460958 (the trunk 0 is
	// not dialled after the country code).
	it('keeps the number the field means, or names a number it cannot be sure of', async () => {
		const phones = ['+86 138-0013-8000', 13800138000, '+1 (212) 555-0112', '+44 (0)20 7946 0958', '+33 1.23.45.67.89', '13800138000.0', 13800138000.5];
		const run = await runCare(server, phones.map((phone, i) => ({ customerId: `P${i}`, phone, orderId: 'O-1', timeZone: 'Asia/Shanghai' })), { dryRun: true, recipientField: 'phone' }, { onError: 'continueRegularOutput' });
		expect(run.skipped.map((item) => [item.phone, (item.care as IDataObject).to])).toEqual([
			['+86 138-0013-8000', '+8613800138000'],
			[13800138000, '13800138000'],
			['+1 (212) 555-0112', '+12125550112'],
			['+44 (0)20 7946 0958', '+442079460958'],
			['+33 1.23.45.67.89', '+33123456789'],
		]);
		expect(run.failed.map((item) => item.error)).toEqual([
			'Item 5: field "phone" is "13800138000.0", which is a phone number written as a decimal number, as a spreadsheet exports one (expected digits with an optional leading +, like +8613800138000 or 13800138000, sent as text)',
			'Item 6: field "phone" is 13800138000.5, which is not a phone number (expected digits with an optional leading +, like +8613800138000 or 13800138000, sent as text)',
		]);
		expect(server.requests).toHaveLength(0);
	});
});

describe('Send Care Message, the recipient of a robot or webhook', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	// The optional Recipient Field of robots and webhooks wrote a list or an object as "[object Object]" or
	// "a,b" and posted that as the recipient.
	it('passes text or a number on, and names a list or an object', async () => {
		const owners: unknown[] = ['lina', 1001, undefined, { id: 'lina' }, ['lina', 'bob']];
		const run = await runCare(server, owners.map((owner, i) => ({ customerId: `W${i}`, owner: owner as IDataObject[string], orderId: 'O-1', timeZone: 'Asia/Shanghai' })), { dryRun: true, recipientField: 'owner' }, { onError: 'continueRegularOutput' });
		expect(run.skipped.map((item) => (item.care as IDataObject).to)).toEqual(['lina', '1001', undefined]);
		expect(run.failed.map((item) => item.error)).toEqual([
			'Item 3: field "owner" is "{"id":"lina"}", which is not usable as a recipient (expected text or a number, or nothing)',
			'Item 4: field "owner" is "["lina","bob"]", which is not usable as a recipient (expected text or a number, or nothing)',
		]);
	});
});

describe('Send Care Message, the recipient\'s time zone', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	// "CST" was read as America/Chicago: a Chinese customer's quiet hours were Chicago's, so a message could
	// reach them at night. ICU's three-letter IDs are no IANA names.
	it('gives an abbreviation the item\'s error; IANA names are read in any letter case', async () => {
		const zones = ['CST', 'BST', 'asia/shanghai', 'PRC', 'UTC'];
		const run = await runCare(server, zones.map((timeZone, i) => ({ customerId: `Z${i}`, timeZone, orderId: 'O-1' })), { dryRun: true }, { onError: 'continueRegularOutput' });
		expect(run.failed.map((item) => item.error)).toEqual([
			'Item 0: field "timeZone" is "CST", which is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central) (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)',
			'Item 1: field "timeZone" is "BST", which is an abbreviation, not an IANA time zone (CST is China Standard Time as often as US Central) (expected an IANA time zone such as Asia/Shanghai or Europe/Berlin)',
		]);
		// 12:00 in Shanghai is inside the sending hours, 04:00 UTC is not.
		expect(run.skipped.map((item) => [item.customerId, (item.care as IDataObject).reason])).toEqual([
			['Z2', 'dryRun'],
			['Z3', 'dryRun'],
			['Z4', 'quietHours'],
		]);
	});
});

describe('Send Care Message, the Language Field', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	// A list or an object was read with String(): ["en"] as "en", so a customer exported with a list of
	// languages got the first one's texts without a word.
	it('reads text only: a list, an object or true is the item\'s error naming the field and the value', async () => {
		const languages: unknown[] = [['en'], { code: 'en' }, true, 'en-US', 'zh'];
		const items = languages.map((lang, i) => ({ customerId: `L${i}`, lang: lang as IDataObject[string], orderId: 'O-1', timeZone: 'Asia/Shanghai' }));
		const run = await runCare(server, items, { dryRun: true, options: { languageField: 'lang' } }, { onError: 'continueRegularOutput' });
		const expected = 'which is not a supported language (expected en or zh-CN (en-US, zh, zh-Hans and similar are read too))';
		expect(run.failed.map((item) => item.error)).toEqual([
			`Item 0: field "lang" is "["en"]", ${expected}`,
			`Item 1: field "lang" is "{"code":"en"}", ${expected}`,
			`Item 2: field "lang" is true, ${expected}`,
		]);
		expect(run.skipped.map((item) => [item.customerId, (item.care as IDataObject).language])).toEqual([
			['L3', 'en'],
			['L4', 'zh-CN'],
		]);
	});
});

describe('Send Care Message, Brand Name fills {{brand}}', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startAliyunSmsServer();
	});
	afterAll(() => server.close());

	// An item's own "brand" field (the brand of the customer's last order, say) stood in for the Brand Name:
	// "【好店】亲爱的王芳，Nike祝您生日快乐", signed by one brand and greeting from another; a brand column
	// left empty (null) failed the item although the Brand Name was set.
	it('uses the Brand Name whatever brand field the item has, and the item\'s field when no Brand Name is set', async () => {
		const customers = [
			{ customerId: 'A', phone: '13800138000', consent: 'yes', name: '王芳', brand: 'Nike', timeZone: 'Asia/Shanghai' },
			{ customerId: 'B', phone: '13800138001', consent: 'yes', name: '李雷', brand: null, timeZone: 'Asia/Shanghai' },
		];
		const parameters = { template: 'birthday', recipientField: 'phone', smsTemplateCode: 'SMS_1', dryRun: true };
		const named = await runCare(server, customers, { ...parameters, brandName: '好店' }, { onError: 'continueRegularOutput' });
		expect(named.failed).toEqual([]);
		expect(named.care('skipped').map((c) => (c.content as IDataObject).text)).toEqual([
			'【好店】亲爱的王芳，好店祝您生日快乐！愿新的一岁平安喜乐、万事顺意。拒收请回复R',
			'【好店】亲爱的李雷，好店祝您生日快乐！愿新的一岁平安喜乐、万事顺意。拒收请回复R',
		]);
		const unnamed = await runCare(server, customers.slice(0, 1), parameters, { onError: 'continueRegularOutput' });
		expect((unnamed.care('skipped')[0].content as IDataObject).text).toBe('亲爱的王芳，Nike祝您生日快乐！愿新的一岁平安喜乐、万事顺意。拒收请回复R');
	});
});

describe('Send Care Message, SMS compliance text', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startTwilioServer();
	});
	afterAll(() => server.close());

	// A template that already ended with the opt-out instruction and a full stop got it a second time
	// ("… Reply STOP to opt out. Reply STOP to opt out"), a longer SMS that may cost another segment.
	it('adds the opt-out text once, also when the template ends with it and a full stop', async () => {
		const texts = ['New arrivals at Acme. Reply STOP to opt out.', 'New arrivals at Acme. Reply STOP to opt out', 'New arrivals at Acme'];
		const runs = await Promise.all(
			texts.map((text) =>
				runCare(server, [{ customerId: 'S1', phone: '+15550001111', consent: 'yes', timeZone: 'America/New_York' }], {
					recipientField: 'phone', purpose: 'marketing', language: 'en', text, dryRun: true, options: { asOf: '2026-03-09T15:00:00Z' },
				}),
			),
		);
		expect(runs.map((run) => (run.care('skipped')[0].content as IDataObject).text)).toEqual([
			'New arrivals at Acme. Reply STOP to opt out.',
			'New arrivals at Acme. Reply STOP to opt out',
			'New arrivals at Acme. Reply STOP to opt out',
		]);
	});
});

describe('Send Care Message, the built-in templates\' placeholders', () => {
	let server: ProviderServer;
	beforeAll(async () => {
		server = await startWebhookServer();
	});
	afterAll(() => server.close());

	// The error advised "a default in the template like {{brand|…}}", which a built-in template does not let
	// anyone write; the Brand Name, which the built-in templates need, was not named.
	it('names what gives a built-in template the value it needs', async () => {
		const customers = [
			{ customerId: 'T1', name: 'Ann', timeZone: 'Asia/Shanghai', consent: 'yes' },
			{ customerId: 'T2', name: 'Bo', brand: '', timeZone: 'Asia/Shanghai', consent: 'yes' },
		];
		const birthday = await runCare(server, customers, { template: 'birthday', dryRun: true }, { onError: 'continueRegularOutput' });
		expect(birthday.failed.map((item) => item.error)).toEqual([
			'Item 0: field "brand" is missing, which the birthday template\'s placeholder {{brand}} needs (expected the Brand Name parameter, or a "brand" field in the item: the built-in template has no default for it)',
			'Item 1: field "brand" is "", which the birthday template\'s placeholder {{brand}} needs (expected the Brand Name parameter, or a "brand" field in the item: the built-in template has no default for it)',
		]);
		const reminder = await runCare(server, customers.slice(0, 1), { template: 'revisitReminder', brandName: 'Shop', dryRun: true }, { onError: 'continueRegularOutput' });
		expect(reminder.failed.map((item) => item.error)).toEqual([
			'Item 0: field "revisit.dueAt" is missing, which the revisitReminder template\'s placeholder {{revisit.dueAt}} needs (expected a "revisit.dueAt" field in the item: the built-in template has no default for it)',
		]);
	});
});
