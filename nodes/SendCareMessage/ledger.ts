import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { openLedger, type Ledger } from '../shared/messaging/ledger';
import type { RunSettings } from './settings';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** The Redis connection a Care Redis Ledger credential describes. */
export function redisSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: Number(credentials.port ?? 6379),
		username: text(credentials.user) || undefined,
		password: text(credentials.password) || undefined,
		database: Number(credentials.database ?? 0),
		tls: credentials.ssl === true,
	};
}

/** The Postgres connection a Care Postgres Ledger credential describes. */
export function postgresSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: Number(credentials.port ?? 5432),
		database: text(credentials.database) || 'postgres',
		user: text(credentials.user) || 'postgres',
		password: text(credentials.password) || undefined,
		ssl: credentials.ssl === true,
	};
}

/** The n8n credential type each ledger backend reads; "none" needs none. */
export const LEDGER_CREDENTIAL_TYPES = { redis: 'careRedisLedgerApi', postgres: 'carePostgresLedgerApi' } as const;

export async function openLedgerFromCredentials(settings: RunSettings, credentials: ICredentialDataDecryptedObject): Promise<Ledger> {
	const { ledger } = settings;
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
				maxConnections: settings.batch.concurrency + 1,
			});
	}
}
