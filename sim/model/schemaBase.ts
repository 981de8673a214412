// The small pieces every part of the scenario schema is built from: ids, protocol and action
// names (built in, or declared by the scenario), service references and asset selectors.
import { z } from 'zod';
import { bounded } from './bounded.js';
import { ACTION_NAMES, ASSET_KIND_NAMES, PROTOCOLS, PROTOCOL_NAMES, type BuiltinProtocol } from './catalog.js';
import { LIMITS } from './limits.js';

export const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'ids use letters, digits, ".", "_" and "-"');
export const ids = z.array(id);

export const techniqueId = z.string().regex(/^T0\d{3}$/, 'an ATT&CK for ICS technique id such as T0886');

/** A declared protocol's name, or one of its actions' local names. */
export const declaredName = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and "-", starting with a letter');

/** A built-in protocol, or one the scenario declares under `protocols` (checked with the references). */
export const protocolName = z.union([
  z.enum(PROTOCOL_NAMES as [BuiltinProtocol, ...BuiltinProtocol[]]).describe('A built-in protocol'),
  declaredName.describe('A protocol declared under protocols'),
]);

/** A built-in action, or `<declared protocol>.<action>`. */
export const actionName = z.union([
  z.enum(ACTION_NAMES as [string, ...string[]]),
  z
    .string()
    .regex(/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/, 'an action such as modbus.write, or <declared protocol>.<action>')
    .describe('An action of a protocol declared under protocols: <protocol>.<action>'),
]);

export const port = z.number().int().min(1).max(65535);

/**
 * The port of a service that names a declared protocol without one: the scenario's declaration
 * gives it once the whole scenario is parsed (resolveDeclaredPorts). Never a real port (ports start at 1).
 */
export const UNRESOLVED_PORT = 0;

/** A built-in protocol's port; UNRESOLVED_PORT for a declared one. */
export const defaultPort = (p: string) => (PROTOCOLS as Record<string, { port: number }>)[p]?.port ?? UNRESOLVED_PORT;

/**
 * A service written as a protocol name alone, built in or declared. Two flat branches rather than
 * one over protocolName: plants of a hundred thousand services parse a union level faster.
 */
export const protocolOnly = [
  z
    .enum(PROTOCOL_NAMES as [BuiltinProtocol, ...BuiltinProtocol[]])
    .describe('A built-in protocol')
    .transform((p) => ({ protocol: p as string, port: defaultPort(p) })),
  declaredName
    .describe('A protocol declared under protocols')
    .transform((p) => ({ protocol: p, port: UNRESOLVED_PORT })),
] as const;

export const serviceSchema = z
  .union([
    ...protocolOnly,
    z
      .strictObject({ protocol: protocolName, port: port.optional().describe("Port (default: the protocol's)") })
      .transform((s) => ({
        protocol: s.protocol as string,
        port: s.port ?? defaultPort(s.protocol),
      })),
  ])
  .describe('A protocol name (default port) or { protocol, port }');

/** An asset id, or a label selector whose fields must all match. */
export const selectorSchema = z.union([
  id,
  z.strictObject({
    zone: id.optional().describe('Assets in this zone'),
    line: id.optional().describe('Assets on this line'),
    kind: z
      .enum(ASSET_KIND_NAMES as [string, ...string[]])
      .optional()
      .describe('Assets of this kind'),
    level: bounded(LIMITS.level, 'Assets at this Purdue level').optional(),
  }),
]);

/** An enumeration whose every value carries its own description in the published JSON Schema. */
export function describedEnum<const T extends string>(values: Record<T, string>) {
  const literals = (Object.entries(values) as [T, string][]).map(([value, description]) =>
    z.literal(value).describe(description),
  );
  return z.union(literals as unknown as [z.ZodLiteral<T>, ...z.ZodLiteral<T>[]]);
}
