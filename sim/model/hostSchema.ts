// What a host itself enforces and holds: the authentication of each of its services, its
// firewall, the privilege an attacker holds on it, the credentials it caches and the documents it
// keeps; the protocols a scenario declares beside the catalog; and how a design hardens hosts.
import { z } from 'zod';
import {
  actionName,
  declaredName,
  describedEnum,
  id,
  ids,
  port,
  protocolName,
  protocolOnly,
  selectorSchema,
  serviceSchema,
  techniqueId,
  UNRESOLVED_PORT,
  defaultPort,
} from './schemaBase.js';

export const privilegeSchema = describedEnum({
  user: 'An ordinary user account: reads what users may read on the host',
  admin: 'An administrator (root, SYSTEM): reads everything on the host, cached logons included',
});

// ---- service authentication ----
const requirementSchema = z
  .union([
    z.literal('open').describe('No authentication: whoever reaches the service may do it'),
    z
      .literal('account')
      .describe('Any credential that opens the asset over the protocol (its opens and protocols say so)'),
    id.transform((c) => [c]).describe('This credential (a PLC password, a service account)'),
    ids.min(1).describe('Any one of these credentials'),
  ])
  .describe('What an action needs: open, account, or the credential(s) it needs');

/** How a service authenticates; every field optional, the protocol's catalogue default fills the rest. */
export const serviceAuthFields = {
  protection: describedEnum({
    'full-access': 'S7-1200/1500 access level "full access": no password for anything',
    'read-access':
      'S7 access level "read access": reads and HMI-style writes open, program download needs the password',
    'hmi-access':
      'S7 access level "HMI access": as read access here (the difference, reading the program offline, is not simulated)',
    'no-access': 'S7 access level "no access (complete protection)": reads, writes and downloads need the password',
  })
    .optional()
    .describe('s7 only: the PLC protection level'),
  cipSecurity: z
    .boolean()
    .optional()
    .describe('enip only: CIP Security on: every request needs a credential (the device password or identity)'),
  securityMode: describedEnum({
    none: 'OPC UA security mode None: no application certificate needed',
    sign: 'Sign: only clients with a certificate the server trusts connect',
    'sign-and-encrypt': 'SignAndEncrypt: as sign, and the traffic is encrypted',
  })
    .optional()
    .describe('opcua only: the endpoint security mode'),
  userToken: describedEnum({
    anonymous: 'Anonymous user token: no user login',
    username: 'User name and password',
    certificate: 'X.509 user certificate',
  })
    .optional()
    .describe('opcua only: the user token the server asks for (open only when anonymous with security mode none)'),
  password: z
    .union([id.transform((c) => [c]), ids.min(1)])
    .optional()
    .describe(
      'The credential(s) the protection asks for (a PLC password); without it, any credential that opens the asset over the protocol',
    ),
  auth: z
    .record(actionName, requirementSchema)
    .optional()
    .describe('Per action of this service, what it needs; overrides the protocol default and protection'),
};

export const assetServiceSchema = z
  .union([
    ...protocolOnly,
    z
      .strictObject({ protocol: protocolName, port: port.optional(), ...serviceAuthFields })
      .transform(({ protocol, port: p, ...auth }) => ({
        protocol: protocol as string,
        port: p ?? defaultPort(protocol),
        ...auth,
      })),
  ])
  .describe('A protocol name (default port), or { protocol, port, and how it authenticates }');

// ---- host firewall ----
const note = z.string().optional().describe('In words, for people reading the file');

export const firewallRuleSchema = z.strictObject({
  description: note,
  zones: ids.optional().describe('Source zones: a host with an interface in one of them (default: any source)'),
  assets: ids.optional().describe('Source assets (default: any source)'),
  services: z.array(serviceSchema).optional().describe("This host's services the rule opens (default: all)"),
});

export const firewallSchema = z
  .strictObject({
    allow: z.array(firewallRuleSchema).default([]).describe('Inbound allow rules; everything else is dropped'),
  })
  .describe(
    'Host firewall (Windows Defender Firewall, nftables): inbound connections pass only where an allow rule matches, after conduits and gateways. A rule with zones or assets matches only connections from those hosts; VPN clients and the internet match only rules naming neither',
  );

// ---- what a host holds ----
export const cachedCredentialSchema = z
  .union([
    id.transform((credential) => ({ credential, privilege: 'user' as const })),
    z.strictObject({
      credential: id.describe('The credential cached'),
      privilege: privilegeSchema.default('user').describe('Privilege needed to read it (default user)'),
    }),
  ])
  .describe('A credential cached on the host: an id (readable by any user), or { credential, privilege }');

export const documentSchema = z.strictObject({
  id: id.describe('The file, e.g. project.ap17'),
  name: z.string().optional().describe('What it is, in words'),
  privilege: privilegeSchema.default('user').describe('Privilege needed to read it (default user)'),
  hosts: z
    .array(selectorSchema)
    .default([])
    .describe('Assets whose addresses it names (an engineering project lists its PLCs): reading it makes them known'),
  credentials: ids.default([]).describe('Credentials written in it (a password in a script)'),
});

// ---- declared protocols ----
export const declaredActionSchema = z.strictObject({
  name: declaredName.describe('The action is named <protocol>.<name> in policies and workloads'),
  meaning: describedEnum({
    read: 'Reads data: gives an attacker nothing it moves with',
    write: 'Writes values: on a controller, commands it',
    program: 'Changes the program: on a controller, commands it',
    'interactive-logon': 'A remote logon: with what it needs, owns a host one can run tools on',
    'file-transfer': "Reads files: with what it needs, learns the host's documents without owning it",
  }),
  technique: techniqueId
    .optional()
    .describe('The ATT&CK for ICS technique a use of it is (default: the one its meaning and means imply)'),
  auth: z
    .union([
      z.literal('open').describe('No authentication'),
      z.literal('account').describe('Any credential that opens the asset over the protocol'),
    ])
    .default('account')
    .describe('What it needs by default; a service may say otherwise'),
});

export const declaredProtocolSchema = z.strictObject({
  id: declaredName.describe('The protocol name services, conduits and credentials use; not a built-in name'),
  description: note,
  transport: describedEnum({ tcp: 'Over TCP', udp: 'Over UDP' }).default('tcp'),
  port: port.describe('Default port'),
  industrial: z
    .boolean()
    .default(false)
    .describe('An industrial protocol: an OT IDS in the zone sees its use like Modbus or S7'),
  actions: z
    .array(declaredActionSchema)
    .min(1)
    .describe('Its functions: what policies grant and services authenticate'),
});

// ---- how a design hardens hosts ----
export const hardenedServiceSchema = z
  .strictObject({
    protocol: protocolName.describe('Services of this protocol'),
    port: port.optional().describe('Only the service on this port (default: every service of the protocol)'),
    ...serviceAuthFields,
  })
  .describe('Replaces how the matching services authenticate, under this design');

export const hardeningSchema = z.strictObject({
  description: note,
  assets: z.array(selectorSchema).min(1).describe('The hosts it applies to'),
  services: z
    .array(hardenedServiceSchema)
    .default([])
    .describe("How the hosts' services of these protocols authenticate under this design"),
  firewall: firewallSchema.optional().describe("Replaces the hosts' firewalls under this design"),
  credentials: z
    .array(cachedCredentialSchema)
    .default([])
    .describe('Credentials the hosts also cache under this design (the PLC passwords a protection sets)'),
});

export { UNRESOLVED_PORT };
