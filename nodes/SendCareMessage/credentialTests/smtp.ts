import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { verifySmtpCredentials } from '../../shared/messaging/channels';

/** n8n cannot test SMTP with an HTTP request: connects, STARTTLS/TLS and logs in without sending. */
export async function careSmtpApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const verified = await verifySmtpCredentials(credential.data ?? {});
	return verified.ok ? { status: 'OK', message: 'Connection successful' } : { status: 'Error', message: verified.message };
}
