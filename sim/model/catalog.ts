// The fixed vocabularies of the domain: protocols, their functions (actions) and asset kinds.
// Engines read the properties declared here instead of branching on names.

export interface ProtocolInfo {
  /** Default TCP/UDP port. */
  readonly port: number;
  /** Industrial protocols carry no authentication: anyone who reaches them can use them. */
  readonly unauthenticated: boolean;
  /** A remote-logon protocol: a valid host credential over it owns the host. */
  readonly interactive: boolean;
}

/** A protocol or action name: a built-in one below, or one a scenario declares (model/vocabulary.ts). */
export type Protocol = string;
export type Action = string;

export const PROTOCOLS = {
  modbus: { port: 502, unauthenticated: true, interactive: false },
  s7: { port: 102, unauthenticated: true, interactive: false },
  enip: { port: 44818, unauthenticated: true, interactive: false },
  opcua: { port: 4840, unauthenticated: false, interactive: false },
  dnp3: { port: 20000, unauthenticated: true, interactive: false },
  iec104: { port: 2404, unauthenticated: true, interactive: false },
  rdp: { port: 3389, unauthenticated: false, interactive: true },
  ssh: { port: 22, unauthenticated: false, interactive: true },
  vnc: { port: 5900, unauthenticated: false, interactive: true },
  smb: { port: 445, unauthenticated: false, interactive: true },
  http: { port: 80, unauthenticated: false, interactive: false },
  https: { port: 443, unauthenticated: false, interactive: false },
  sql: { port: 1433, unauthenticated: false, interactive: false },
} as const satisfies Record<string, ProtocolInfo>;

export type BuiltinProtocol = keyof typeof PROTOCOLS;
export const PROTOCOL_NAMES = Object.keys(PROTOCOLS) as BuiltinProtocol[];

export type ActionLevel = 'read' | 'write' | 'program' | 'session';

export interface ActionInfo {
  readonly protocol: BuiltinProtocol;
  /** read < write < program: a grant of one never implies another. */
  readonly level: ActionLevel;
}

/** Protocol functions: what a policy grants and what a connection request names. */
export const ACTIONS = {
  'modbus.read': { protocol: 'modbus', level: 'read' },
  'modbus.write': { protocol: 'modbus', level: 'write' },
  's7.read': { protocol: 's7', level: 'read' },
  's7.write': { protocol: 's7', level: 'write' },
  's7.program': { protocol: 's7', level: 'program' },
  'enip.read': { protocol: 'enip', level: 'read' },
  'enip.write': { protocol: 'enip', level: 'write' },
  'enip.program': { protocol: 'enip', level: 'program' },
  'opcua.read': { protocol: 'opcua', level: 'read' },
  'opcua.write': { protocol: 'opcua', level: 'write' },
  'dnp3.read': { protocol: 'dnp3', level: 'read' },
  'dnp3.write': { protocol: 'dnp3', level: 'write' },
  'iec104.read': { protocol: 'iec104', level: 'read' },
  'iec104.write': { protocol: 'iec104', level: 'write' },
  rdp: { protocol: 'rdp', level: 'session' },
  ssh: { protocol: 'ssh', level: 'session' },
  vnc: { protocol: 'vnc', level: 'session' },
  smb: { protocol: 'smb', level: 'session' },
  http: { protocol: 'http', level: 'session' },
  https: { protocol: 'https', level: 'session' },
  sql: { protocol: 'sql', level: 'session' },
} as const satisfies Record<string, ActionInfo>;

export type BuiltinAction = keyof typeof ACTIONS;
export const ACTION_NAMES = Object.keys(ACTIONS) as BuiltinAction[];

const ACTIONS_BY_PROTOCOL = new Map<string, readonly BuiltinAction[]>(
  PROTOCOL_NAMES.map((p) => [p, ACTION_NAMES.filter((a) => ACTIONS[a].protocol === p)]),
);

/** The functions of a built-in protocol, lowest level first (read before write before program); none for others. */
export function actionsOfProtocol(protocol: Protocol): readonly Action[] {
  return ACTIONS_BY_PROTOCOL.get(protocol) ?? [];
}

export interface AssetKindInfo {
  readonly label: string;
  /** Controls a physical process: owning or commanding it impacts its line. */
  readonly controller: boolean;
  /** A host an attacker can run tools on once owned (a foothold). */
  readonly foothold: boolean;
}

export const ASSET_KINDS = {
  plc: { label: 'PLC', controller: true, foothold: false },
  rtu: { label: 'RTU', controller: true, foothold: false },
  sis: { label: 'safety controller', controller: true, foothold: false },
  hmi: { label: 'HMI', controller: false, foothold: true },
  ews: { label: 'engineering workstation', controller: false, foothold: true },
  'scada-server': { label: 'SCADA server', controller: false, foothold: true },
  historian: { label: 'historian', controller: false, foothold: true },
  'jump-host': { label: 'jump host', controller: false, foothold: true },
  'it-workstation': { label: 'IT workstation', controller: false, foothold: true },
  server: { label: 'server', controller: false, foothold: true },
  'vpn-concentrator': { label: 'VPN concentrator', controller: false, foothold: false },
  'zt-connector': { label: 'ZT connector', controller: false, foothold: false },
  firewall: { label: 'firewall', controller: false, foothold: false },
} as const satisfies Record<string, AssetKindInfo>;

export type AssetKind = keyof typeof ASSET_KINDS;
export const ASSET_KIND_NAMES = Object.keys(ASSET_KINDS) as AssetKind[];

/** ATT&CK for ICS mitigations a design control may claim to implement. */
export const MITIGATIONS = {
  M0930: 'Network Segmentation',
  M0932: 'Multi-factor Authentication',
  M0935: 'Limit Access to Resource Over Network',
  M0801: 'Access Management',
  M0800: 'Authorization Enforcement',
  M0804: 'Human User Authentication',
  M0807: 'Network Allowlists',
  M0813: 'Software Process and Device Authentication',
  M0927: 'Password Policies',
  M0918: 'User Account Management',
  M0937: 'Filter Network Traffic',
  M0931: 'Network Intrusion Prevention',
  M0942: 'Disable or Remove Feature or Program',
  M0949: 'Antivirus/Antimalware',
  M0926: 'Privileged Account Management',
  M0936: 'Account Use Policies',
} as const;

export type Mitigation = keyof typeof MITIGATIONS;
export const MITIGATION_IDS = Object.keys(MITIGATIONS) as Mitigation[];
