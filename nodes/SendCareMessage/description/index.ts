import type { INodeProperties } from 'n8n-workflow';
import { channelProperties } from './channel';
import { ledgerProperties } from './ledger';
import { messageProperties } from './message';
import { optionsProperty } from './options';
import { policyProperties } from './policy';

export { optionsProperty };

/** The node's parameters, in panel order. */
export const properties: INodeProperties[] = [...channelProperties, ...messageProperties, ...policyProperties, ...ledgerProperties, optionsProperty];
