import type { ICredentialDataDecryptedObject, ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { verifySmtpCredentials } from '../shared/messaging/channels';
import { openLedger, PostgresLedger, RedisLedger, type Ledger } from '../shared/messaging/ledger';
import type { NodeConfig } from './config';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

function redisSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: Number(credentials.port ?? 6379),
		username: text(credentials.user) || undefined,
		password: text(credentials.password) || undefined,
		database: Number(credentials.database ?? 0),
		tls: credentials.ssl === true,
	};
}

function postgresSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: Number(credentials.port ?? 5432),
		database: text(credentials.database) || 'postgres',
		user: text(credentials.user) || 'postgres',
		password: text(credentials.password) || undefined,
		ssl: credentials.ssl === true,
	};
}

export async function openLedgerFromCredentials(config: NodeConfig, credentials: ICredentialDataDecryptedObject): Promise<Ledger> {
	const { ledger } = config;
	switch (ledger.backend) {
		case 'none':
			return openLedger({ backend: 'none' });
		case 'redis':
			return openLedger({
				backend: 'redis',
				...redisSettings(credentials),
				keyPrefix: ledger.redisKeyPrefix,
				retentionDays: ledger.retentionDays,
			});
		case 'postgres':
			return openLedger({
				backend: 'postgres',
				...postgresSettings(credentials),
				table: ledger.postgresTable,
				maxConnections: config.batch.concurrency + 1,
			});
	}
}

async function result(check: () => Promise<void>): Promise<INodeCredentialTestResult> {
	try {
		await check();
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}

export const credentialTest = {
	async careSmtpApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		const verified = await verifySmtpCredentials(credential.data ?? {});
		return verified.ok ? { status: 'OK', message: 'Connection successful' } : { status: 'Error', message: verified.message };
	},
	async careRedisLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return result(() => RedisLedger.check(redisSettings(credential.data ?? {})));
	},
	async carePostgresLedgerApiTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
		return result(() => PostgresLedger.check(postgresSettings(credential.data ?? {})));
	},
};
