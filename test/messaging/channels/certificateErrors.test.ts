import { describeFailure } from '../../../nodes/shared/messaging/channels/httpTransport';
import { smtpFailureOutcome } from '../../../nodes/shared/messaging/channels/smtp';

/** A connection error as Node's TLS socket raises it for a certificate it refuses: OpenSSL's verify code in `code`. */
const refused = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('HTTP transport: a certificate the client refuses is not retryable, whichever check refused it', () => {
	it.each([
		['CERT_NOT_YET_VALID', 'certificate is not yet valid'],
		['CERT_REVOKED', 'certificate revoked'],
		['UNABLE_TO_GET_ISSUER_CERT', 'unable to get issuer certificate'],
		['CERT_SIGNATURE_FAILURE', 'certificate signature failure'],
		['INVALID_CA', 'invalid CA certificate'],
		['CERT_UNTRUSTED', 'certificate not trusted'],
		['HOSTNAME_MISMATCH', 'Hostname mismatch'],
		['CERT_HAS_EXPIRED', 'certificate has expired'],
		['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
	])('%s: nothing sent, not retryable, the reason kept', (code, message) => {
		expect(describeFailure(refused(code, message), undefined)).toEqual({ kind: 'notSent', code, retryable: false, detail: `${code}: ${message}` });
	});

	it('a refused or unreachable connection stays retryable', () => {
		expect(describeFailure(refused('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), undefined)).toMatchObject({ kind: 'notSent', retryable: true });
	});
});

describe('SMTP: a certificate the client refuses is not retryable, whichever check refused it', () => {
	it.each([
		['INVALID_CA', 'invalid CA certificate'],
		['PATH_LENGTH_EXCEEDED', 'path length constraint exceeded'],
		['INVALID_PURPOSE', 'unsupported certificate purpose'],
		['ERROR_IN_CERT_NOT_AFTER_FIELD', "format error in certificate's notAfter field"],
		['CERT_NOT_YET_VALID', 'certificate is not yet valid'],
	])('%s: failed, nothing sent, not retryable', (code, message) => {
		// nodemailer wraps a socket error as ESOCKET and keeps the socket's code as originalCode.
		const error = Object.assign(new Error(message), { code: 'ESOCKET', originalCode: code });
		expect(smtpFailureOutcome(error, false, 30_000, { endpoint: 'smtp.example.com:465', contentHandedOver: false, setupMs: 10_000, secure: true })).toMatchObject({
			status: 'failed',
			retryable: false,
			providerCode: code,
			message: expect.stringContaining('the TLS connection could not be set up'),
		});
	});
});
