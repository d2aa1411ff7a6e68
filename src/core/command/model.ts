/**
 * The compact service model format that scripts/generate-models.ts writes from botocore's
 * `service-2.json`, keeping only what validating a request needs: the operations, their input
 * shapes and the constraints on them. Documentation and output shapes are dropped.
 */
import * as z from 'zod/mini';

const bounds = { min: z.optional(z.number()), max: z.optional(z.number()) };

/** A structure member: its shape name, or an object when the member carries flags. */
export const MemberSchema = z.union([
  z.string(),
  z.object({
    shape: z.string(),
    /** The SDK fills the member in when it is missing, so the CLI does not require it. */
    idempotencyToken: z.optional(z.literal(true)),
    /** Bound to the endpoint's host name, which gives it an implicit minimum length of 1. */
    hostLabel: z.optional(z.literal(true)),
    /** A string sent as a JSON value in a header, which the CLI reads as JSON. */
    jsonValue: z.optional(z.literal(true)),
    /** A blob streamed as the request body, which the CLI reads from a file path. */
    streaming: z.optional(z.literal(true)),
  }),
]);

export const ShapeSchema = z.union([
  z.object({
    type: z.literal('structure'),
    members: z.record(z.string(), MemberSchema),
    required: z.optional(z.array(z.string())),
    document: z.optional(z.literal(true)),
    union: z.optional(z.literal(true)),
  }),
  z.object({ type: z.literal('list'), member: z.string(), ...bounds }),
  z.object({ type: z.literal('map'), key: z.string(), value: z.string(), ...bounds }),
  z.object({
    type: z.literal('string'),
    ...bounds,
    pattern: z.optional(z.string()),
    enum: z.optional(z.array(z.string())),
  }),
  z.object({ type: z.enum(['integer', 'long', 'float', 'double']), ...bounds }),
  z.object({ type: z.enum(['boolean', 'timestamp']) }),
  z.object({ type: z.literal('blob'), ...bounds, streaming: z.optional(z.literal(true)) }),
]);

export const OperationSchema = z.object({
  /** Name of the input shape; missing for operations without input. */
  input: z.optional(z.string()),
  /** Pagination as the CLI sets it up: input token members and the page size member. */
  paginator: z.optional(z.object({ inputTokens: z.array(z.string()), limitKey: z.optional(z.string()) })),
  /** The output has a streaming payload, so the CLI takes an output file name as a positional argument. */
  streamingOutput: z.optional(z.literal(true)),
});

export const ServiceModelSchema = z.object({
  /** The AWS CLI command name, such as `s3api`. */
  cliName: z.string(),
  /** The botocore service name, such as `s3`. */
  serviceName: z.string(),
  apiVersion: z.string(),
  protocol: z.string(),
  botocoreVersion: z.string(),
  operations: z.record(z.string(), OperationSchema),
  shapes: z.record(z.string(), ShapeSchema),
});

export const ServiceIndexSchema = z.object({
  botocoreVersion: z.string(),
  /** Every service command name of the AWS CLI, for did-you-mean suggestions. */
  services: z.array(z.string()),
});

export type Member = z.infer<typeof MemberSchema>;
export type Shape = z.infer<typeof ShapeSchema>;
export type OperationModel = z.infer<typeof OperationSchema>;
export type ServiceModel = z.infer<typeof ServiceModelSchema>;
export type ServiceIndex = z.infer<typeof ServiceIndexSchema>;

/** Returns the shape name of a member. */
export const memberShape = (member: Member): string => (typeof member === 'string' ? member : member.shape);
