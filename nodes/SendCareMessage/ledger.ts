import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { optionalInteger } from '../shared/messaging/channels/credentialFields';
import { openLedger, type Ledger } from '../shared/messaging/ledger';
import type { RunSettings } from './settings';

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** A port or database number that cannot work is a ConfigError (not worth retrying), never a silent fallback. */
const PORT = { min: 1, max: 65535 };

/** The Redis connection a Care Redis Ledger credential describes. */
export function redisSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: optionalInteger(credentials, 'port', 6379, 'Care Redis Ledger', PORT),
		username: text(credentials.user) || undefined,
		password: text(credentials.password) || undefined,
		database: optionalInteger(credentials, 'database', 0, 'Care Redis Ledger', { min: 0, max: 2 ** 31 - 1 }),
		tls: credentials.ssl === true,
	};
}

/** The Postgres connection a Care Postgres Ledger credential describes. */
export function postgresSettings(credentials: ICredentialDataDecryptedObject) {
	return {
		host: text(credentials.host) || 'localhost',
		port: optionalInteger(credentials, 'port', 5432, 'Care Postgres Ledger', PORT),
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
