import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { Redactor } from '../../shared/messaging/channels';
import { PostgresLedger, RedisLedger } from '../../shared/messaging/ledger';
import { postgresSettings, redisSettings } from '../ledger';

/** The check's failure, with every secret of the credential redacted, as the test's message. */
async function result(credential: ICredentialsDecrypted, check: () => Promise<void>): Promise<INodeCredentialTestResult> {
	try {
		await check();
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		return { status: 'Error', message: Redactor.forCredentials(credential.data ?? {}).redact(message) };
	}
}

/** Connects and pings Redis, creating nothing. */
export async function careRedisLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return result(credential, () => RedisLedger.check(redisSettings(credential.data ?? {})));
}

/** Connects to Postgres, creating nothing. */
export async function carePostgresLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return result(credential, () => PostgresLedger.check(postgresSettings(credential.data ?? {})));
}
