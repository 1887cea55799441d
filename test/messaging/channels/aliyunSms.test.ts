import { createChannel } from '../../../nodes/shared/messaging/channels';
import {
	AliyunSmsChannel,
	aliyunOutId,
	aliyunPhoneNumber,
	aliyunSendSmsParams,
	aliyunSmsConfig,
} from '../../../nodes/shared/messaging/channels/aliyunSms';
import {
	aliyunPercentEncode,
	aliyunSignature,
	aliyunSignedQuery,
	aliyunStringToSign,
} from '../../../nodes/shared/messaging/channels/aliyunSignature';
import { HttpTransport } from '../../../nodes/shared/messaging/channels/httpTransport';
import { startAliyunSmsServer } from '../../helpers/providers';
import { channelFixture, expectFailed, message } from './helpers';

/** The SendSms example in Aliyun's signature documentation (AccessKeySecret "testSecret"). */
const DOC_PARAMS = {
	AccessKeyId: 'testId',
	Action: 'SendSms',
	Format: 'XML',
	OutId: '123',
	PhoneNumbers: '15300000001',
	RegionId: 'cn-hangzhou',
	SignName: '阿里云短信测试专用',
	SignatureMethod: 'HMAC-SHA1',
	SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466',
	SignatureVersion: '1.0',
	TemplateCode: 'SMS_71390007',
	TemplateParam: '{"customer":"test"}',
	Timestamp: '2017-07-12T02:42:19Z',
	Version: '2017-05-25',
};

describe('Aliyun RPC signature', () => {
	it("reproduces the documentation's SendSms example", () => {
		expect(aliyunStringToSign('GET', DOC_PARAMS)).toBe(
			'GET&%2F&AccessKeyId%3DtestId%26Action%3DSendSms%26Format%3DXML%26OutId%3D123%26PhoneNumbers%3D15300000001%26RegionId%3Dcn-hangzhou%26SignName%3D%25E9%2598%25BF%25E9%2587%258C%25E4%25BA%2591%25E7%259F%25AD%25E4%25BF%25A1%25E6%25B5%258B%25E8%25AF%2595%25E4%25B8%2593%25E7%2594%25A8%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D45e25e9b-0a6f-4070-8c85-2956eda1b466%26SignatureVersion%3D1.0%26TemplateCode%3DSMS_71390007%26TemplateParam%3D%257B%2522customer%2522%253A%2522test%2522%257D%26Timestamp%3D2017-07-12T02%253A42%253A19Z%26Version%3D2017-05-25',
		);
		expect(aliyunSignature('GET', DOC_PARAMS, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
		expect(aliyunSignedQuery(DOC_PARAMS, 'testSecret').endsWith('&Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D')).toBe(true);
	});

	it("reproduces the RPC documentation's DescribeRegions example", () => {
		const params = {
			Format: 'XML',
			AccessKeyId: 'testid',
			Action: 'DescribeRegions',
			SignatureMethod: 'HMAC-SHA1',
			SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf',
			SignatureVersion: '1.0',
			Version: '2014-05-26',
			Timestamp: '2016-02-23T12:46:24Z',
		};
		expect(aliyunSignature('GET', params, 'testsecret')).toBe('OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
	});

	it('percent-encodes the POP way: space %20, * %2A, ~ kept, reserved characters escaped', () => {
		expect(aliyunPercentEncode('a b')).toBe('a%20b');
		expect(aliyunPercentEncode("*!'()")).toBe('%2A%21%27%28%29');
		expect(aliyunPercentEncode('~-_.')).toBe('~-_.');
		expect(aliyunPercentEncode('/=&+')).toBe('%2F%3D%26%2B');
		expect(aliyunPercentEncode('派')).toBe('%E6%B4%BE');
	});
});

describe('Aliyun SMS channel', () => {
	const fixture = channelFixture('aliyunSms', () => startAliyunSmsServer({
			signNames: ['客户关怀'],
			templates: { SMS_000001: '亲爱的${name}，祝您生日快乐！拒收请回复R' },
		}));
	const { send, outcomes } = fixture;
	const birthday = (to: string, name = '王女士') =>
		message({ to, text: 'unused by SendSms', templateCode: 'SMS_000001', templateParams: { name } });


	it('sends a signed SendSms GET that the server verifies; Code OK is sent with the BizId', async () => {
		const outcome = await send(birthday('+8613800138000'));
		expect(outcome).toMatchObject({ status: 'sent', providerCode: 'OK', providerMessageId: expect.stringMatching(/\^0$/) });
		expect(fixture.server.deliveries.map((d) => [d.to, d.text])).toEqual([['13800138000', '【客户关怀】亲爱的王女士，祝您生日快乐！拒收请回复R']]);
		const query = fixture.server.requests[0].query;
		expect(query.get('Action')).toBe('SendSms');
		expect(query.get('Version')).toBe('2017-05-25');
		expect(query.get('Format')).toBe('JSON');
		expect(query.get('TemplateParam')).toBe('{"name":"王女士"}');
		expect(query.get('Timestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
	});

	it('converts E.164 numbers to the forms SendSms expects and fits OutId', () => {
		expect(aliyunPhoneNumber('+86 138-0013-8000')).toBe('13800138000');
		expect(aliyunPhoneNumber('+85291234567')).toBe('85291234567');
		expect(aliyunPhoneNumber('008613800138000')).toBe('13800138000');
		expect(aliyunPhoneNumber('13800138000')).toBe('13800138000');
		expect(aliyunOutId('short-key')).toBe('short-key');
		expect(aliyunOutId('k'.repeat(100))).toHaveLength(64);
	});

	it('adds RegionId only when the credential sets one', () => {
		const config = aliyunSmsConfig({ accessKeyId: 'id', accessKeySecret: 'secret', signName: 'S', regionId: 'cn-hangzhou' });
		const params = aliyunSendSmsParams(config, { ...birthday('13800138000'), templateCode: 'SMS_1' }, new Date('2025-01-01T00:00:00.123Z'), 'n');
		expect(params).toMatchObject({ RegionId: 'cn-hangzhou', Timestamp: '2025-01-01T00:00:00Z', SignatureNonce: 'n' });
	});

	it('is refused with SignatureDoesNotMatch (HTTP 400) for a wrong secret: permanent', async () => {
		const wrong = createChannel('aliyunSms', { ...fixture.server.credentials, accessKeySecret: 'wrong-secret-value' });
		const outcome = expectFailed(await wrong.send(birthday('13800138000')));
		outcomes.push(outcome);
		expect(outcome).toMatchObject({ retryable: false, providerCode: 'SignatureDoesNotMatch' });
		expect(outcome.message).toContain(', HTTP 400');
		expect(fixture.server.deliveries).toEqual([]);
		await wrong.close?.();
	});

	it('is refused with InvalidAccessKeyId.NotFound for an unknown key id', async () => {
		const wrong = createChannel('aliyunSms', { ...fixture.server.credentials, accessKeyId: 'LTAIunknown' });
		expect(expectFailed(await wrong.send(birthday('13800138000')))).toMatchObject({ retryable: false, providerCode: 'InvalidAccessKeyId.NotFound' });
		await wrong.close?.();
	});

	it('is refused with InvalidTimeStamp.Expired when the clock is 20 minutes off', async () => {
		const skewed = new AliyunSmsChannel(aliyunSmsConfig(fixture.server.credentials), new HttpTransport(), () => Date.now() - 20 * 60_000);
		expect(expectFailed(await skewed.send(birthday('13800138000')))).toMatchObject({ providerCode: 'InvalidTimeStamp.Expired', retryable: false });
		await skewed.close();
	});

	it('classifies isv.MOBILE_NUMBER_ILLEGAL (HTTP 200) as permanent', async () => {
		expect(expectFailed(await send(birthday('12345')))).toEqual({
			status: 'failed',
			retryable: false,
			providerCode: 'isv.MOBILE_NUMBER_ILLEGAL',
			message: 'Aliyun SMS rejected the message: Code isv.MOBILE_NUMBER_ILLEGAL (非法手机号)',
		});
	});

	it('classifies isv.BUSINESS_LIMIT_CONTROL as retryable with a one-minute wait, and enforces it per number', async () => {
		const limited = await startAliyunSmsServer({ perNumberPerMinute: 1 });
		const sms = createChannel('aliyunSms', limited.credentials);
		const first = await sms.send(message({ to: '13800138000', text: '', templateCode: 'SMS_000001', templateParams: { name: 'A' } }));
		const second = await sms.send(message({ to: '13800138000', text: '', templateCode: 'SMS_000001', templateParams: { name: 'A' } }));
		expect(first.status).toBe('sent');
		expect(second).toMatchObject({ status: 'failed', retryable: true, providerCode: 'isv.BUSINESS_LIMIT_CONTROL', retryAfterMs: 60_000 });
		await sms.close?.();
		await limited.close();
	});

	it.each([
		['触发小时级流控Permits:5', 'hour'],
		['触发天级流控Permits:10', 'day'],
	])('classifies isv.BUSINESS_LIMIT_CONTROL "%s" as permanent: the %s window does not reopen within a run', async (text) => {
		// Retried, its wait paused the whole channel (every other customer) for each attempt, in vain.
		const body = JSON.stringify({ Code: 'isv.BUSINESS_LIMIT_CONTROL', Message: text, RequestId: 'R1' });
		fixture.server.faults.inject({ kind: 'raw', status: 200, body });
		expect(expectFailed(await send(birthday('13800138000')))).toEqual({
			status: 'failed',
			retryable: false,
			providerCode: 'isv.BUSINESS_LIMIT_CONTROL',
			message: `Aliyun SMS rejected the message: Code isv.BUSINESS_LIMIT_CONTROL (${text}); this number's limit does not reset within this run, so it is not retried`,
		});
	});

	it('checks the template: unknown code, missing variable, unapproved signature', async () => {
		const unknown = expectFailed(await send(message({ to: '13800138000', templateCode: 'SMS_999' })));
		const missing = expectFailed(await send(message({ to: '13800138000', templateCode: 'SMS_000001', templateParams: { other: 'x' } })));
		const unsigned = createChannel('aliyunSms', { ...fixture.server.credentials, signName: '未审核签名' });
		const badSign = expectFailed(await unsigned.send(birthday('13800138000')));
		await unsigned.close?.();
		expect([unknown.providerCode, missing.providerCode, badSign.providerCode]).toEqual([
			'isv.SMS_TEMPLATE_ILLEGAL',
			'isv.TEMPLATE_MISSING_PARAMETERS',
			'isv.SMS_SIGNATURE_ILLEGAL',
		]);
		expect([unknown.retryable, missing.retryable, badSign.retryable]).toEqual([false, false, false]);
	});

	it('fails without a request when there is no template code or number', async () => {
		expect(expectFailed(await send(message({ to: '13800138000' })))).toMatchObject({ providerCode: 'NO_TEMPLATE_CODE', retryable: false });
		expect(expectFailed(await send(message({ to: '', templateCode: 'SMS_000001' })))).toMatchObject({ providerCode: 'NO_RECIPIENT' });
		expect(fixture.server.requests).toEqual([]);
	});

	it.each([
		['ServiceUnavailable', true],
		['Throttling', true],
		['isp.SYSTEM_ERROR', true],
		['isv.AMOUNT_NOT_ENOUGH', false],
		['isv.DAY_LIMIT_CONTROL', false],
		['isv.BLACK_KEY_CONTROL_LIMIT', false],
	])('classifies %s as retryable=%s', async (code, retryable) => {
		fixture.server.faults.inject({ kind: 'providerError', code });
		expect(expectFailed(await send(birthday('13800138000')))).toMatchObject({ retryable, providerCode: code });
	});

	it('reports a timeout after the request as unknown (the SMS went out)', async () => {
		fixture.server.faults.inject({ kind: 'slow', delayMs: 1_000 });
		expect(await send(birthday('13800138000'), { timeoutMs: 150 })).toMatchObject({ status: 'unknown' });
		expect(fixture.server.deliveries).toHaveLength(1);
	});
});
