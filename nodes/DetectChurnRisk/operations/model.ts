import type { IDataObject } from 'n8n-workflow';
import { fittedModelHints } from '../../common/hints';
import { leftOutReasons, suppliedObject, type ChurnModel, type FittedModel } from '../../shared/churn';
import { suppliedTypicalInterval } from '../../shared/churn/typicalInterval';
import { roundTo } from '../../shared/stats';
import type { RunSettings } from '../settings';
import type { ChurnMethod } from './types';

/**
 * A statistical model (BG/NBD, Pareto/NBD, sBG; nodes/shared/churn/models): fitted on the incoming
 * customers, or scored with the parameters of an earlier run (Model Parameters → Use Supplied Parameters).
 */
export function modelMethod(model: ChurnModel, settings: RunSettings): ChurnMethod {
	const supplied = settings.supplied === undefined ? undefined : suppliedObject(model.method, settings.supplied, model.timeUnit(settings.scoreOptions));
	// A Model item without typicalIntervalDays (or null) leaves one-time buyers to the batch, as before the key existed.
	const typicalIntervalDays = suppliedTypicalInterval(supplied);
	return {
		baseTypicalInterval: typicalIntervalDays === undefined ? undefined : { days: typicalIntervalDays },
		fit(subjects) {
			const fitted = supplied === undefined ? model.fit(subjects) : model.fromSupplied(supplied);
			return {
				model,
				score: model.scorer(fitted, settings.scoreOptions),
				leftOut: fitted.leftOut && leftOutReasons(fitted.leftOut, subjects, model.name),
				hints: supplied === undefined ? fittedModelHints(subjects.length, model.name) : [],
				modelJson: (typicalIntervalDays, asOfText) => ({ ...modelItem(fitted, model, settings, asOfText), typicalIntervalDays: typicalIntervalDays ?? null }),
			};
		},
	};
}

/** The Model output's item: parameters and fit figures, to store and supply to later runs. */
function modelItem(fitted: FittedModel, model: ChurnModel, settings: RunSettings, asOf: string): IDataObject {
	return {
		method: fitted.method,
		source: fitted.source,
		parameters: fitted.parameters,
		logLikelihood: fitted.fit ? roundTo(fitted.fit.logLikelihood, 2) : null,
		customersUsed: fitted.fit?.customers ?? null,
		distinctRows: fitted.fit?.distinctRows ?? null,
		iterations: fitted.fit?.iterations ?? null,
		converged: fitted.fit ? fitted.fit.converged : null,
		timeUnit: model.timeUnit(settings.scoreOptions),
		...(fitted.spendParameters ? { spendParameters: { ...fitted.spendParameters } } : {}),
		...(fitted.spendFit ? { spendLogLikelihood: roundTo(fitted.spendFit.logLikelihood, 2), spendCustomersUsed: fitted.spendFit.customers } : {}),
		...(fitted.spendNote ? { spendNote: fitted.spendNote } : {}),
		// The histories the fit left out, so that page runs given this item reject their customers too.
		...(fitted.leftOut ? { leftOut: fitted.leftOut.map((h) => ({ ...h })) } : {}),
		asOf,
	};
}
