import { MemoryLedger } from './memory';
import { PostgresLedger, type PostgresLedgerConfig } from './postgres';
import { RedisLedger, type RedisLedgerConfig } from './redis';
import type { Ledger } from './types';

export * from './errors';
export * from './key';
export * from './memory';
export * from './postgres';
export * from './redacted';
export * from './redis';
export * from './storedText';
export * from './types';

export type LedgerConfig =
	| { backend: 'none' }
	| ({ backend: 'redis' } & RedisLedgerConfig)
	| ({ backend: 'postgres' } & PostgresLedgerConfig);

export async function openLedger(config: LedgerConfig): Promise<Ledger> {
	switch (config.backend) {
		case 'none':
			return new MemoryLedger();
		case 'redis':
			return RedisLedger.connect(config);
		case 'postgres':
			return PostgresLedger.connect(config);
	}
}
