import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';
import { PostgresLedger, RedisLedger } from '../../shared/messaging/ledger';
import { postgresSettings, redisSettings } from '../ledger';

async function result(check: () => Promise<void>): Promise<INodeCredentialTestResult> {
	try {
		await check();
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

/** Connects and pings Redis, creating nothing. */
export async function careRedisLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return result(() => RedisLedger.check(redisSettings(credential.data ?? {})));
}

/** Connects to Postgres, creating nothing. */
export async function carePostgresLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	return result(() => PostgresLedger.check(postgresSettings(credential.data ?? {})));
}
