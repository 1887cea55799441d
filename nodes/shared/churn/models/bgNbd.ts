import { z } from 'zod';
import { bgNbdConditionalExpected, bgNbdProbabilityAlive, fitBgNbd } from '../../models';
import { purchaseModel } from './purchase';
import { countParameter } from './supplied';

/** BG/NBD (Fader, Hardie & Lee 2005): dropout can happen only right after a purchase. */
export const bgNbdModel = purchaseModel({
	method: 'bgNbd',
	name: 'BG/NBD',
	schema: z.object({ r: countParameter, alpha: countParameter, a: countParameter, b: countParameter }),
	fit: fitBgNbd,
	probabilityAlive: bgNbdProbabilityAlive,
	conditionalExpected: bgNbdConditionalExpected,
});
