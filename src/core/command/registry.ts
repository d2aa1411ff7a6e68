/** The service models bundled with the validator, by AWS CLI command name. */
import type { ServiceModel } from './model.ts';
import iam from './models/iam.ts';
import s3api from './models/s3api.ts';
import services from './models/services.ts';
import sts from './models/sts.ts';

export const SERVICE_MODELS: Readonly<Record<string, ServiceModel>> = { iam, s3api, sts };

/** Every service command of the AWS CLI, modelled here or not. */
export const CLI_SERVICES: readonly string[] = services.services;

/** Commands the AWS CLI adds to some services beside their operations (awscli 2.x). */
export const CUSTOM_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  iam: ['wait', 'wizard'],
  s3api: ['wait'],
};
